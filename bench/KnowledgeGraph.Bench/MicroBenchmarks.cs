using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Bench;

/// <summary>
/// Micro-level, with BenchmarkDotNet: the per-line work of the import (parse and shape-check an envelope, fingerprint
/// it) against System.Text.Json merely parsing the same line, the least any import must do.
/// </summary>
public class EnvelopeBenchmarks
{
    // A supply agreement as `kg generate` writes it: the commonest event of the generated files.
    private const string Line = """{"id":"evt-sup-2025-8","type":"SupplyAgreementSigned","effectiveDate":"2025-04-26","source":{"title":"Yantai Permanent Magnets Group Co., Ltd. signs ndfeb-magnet supply agreement with Tianjin Wind Power Holdings Co., Ltd.","publisher":"Yantai Permanent Magnets Group Co., Ltd.","url":"https://yantai-permanent-magnets-1.example/press/2025/evt-sup-2025-8","publishedAt":"2025-05-03"},"data":{"dealId":"sup-2025-8","supplierId":"yantai-permanent-magnets-1","buyerId":"tianjin-wind-power-3","product":"ndfeb-magnet","status":"signed","volumeTonnesPerYear":3967,"startDate":"2025-07-21","endDate":"2027-07-21"}}""";

    [Benchmark(Baseline = true)]
    public int ParseJsonOnly()
    {
        using var document = JsonDocument.Parse(Line);
        return document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
    }

    [Benchmark]
    public int ParseAndCheckEnvelope()
    {
        var parsed = EnvelopeParser.Parse(Line);
        return parsed.Envelope is { } envelope ? EventJson.Fingerprint(envelope).Length : parsed.Problems.Count;
    }
}

public static class MicroBenchmarks
{
    /// <summary>Runs in this process (no generated project to build); tiny is BenchmarkDotNet's dry job, one pass each.</summary>
    public static (double Measured, double Reference) Measure(BenchSize size)
    {
        var job = (size == BenchSize.Tiny ? Job.Dry : Job.ShortRun).WithToolchain(InProcessNoEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(new StreamLogger(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true }))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "kg-bench-artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<EnvelopeBenchmarks>(config);
        double Median(string method) => summary.Reports
            .Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics?.Median
            ?? throw new InvalidOperationException($"BenchmarkDotNet measured nothing for {method}");
        return (Median(nameof(EnvelopeBenchmarks.ParseAndCheckEnvelope)), Median(nameof(EnvelopeBenchmarks.ParseJsonOnly)));
    }

    public static int Run(BenchOptions options)
    {
        var (measured, reference) = Measure(options.Size);
        Console.WriteLine($"envelope {measured:N0} ns, JSON parse {reference:N0} ns, {measured / reference:0.0}×");
        return 0;
    }
}
