using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Projection;

namespace KnowledgeGraph.Bench;

/// <summary>
/// The projection's fold of one stream with both clocks (<see cref="StreamFolder.Fold"/>), on a facility whose status
/// and capacity change again and again, when the last of its <see cref="Events"/> events joins it: folded whole again
/// (the reference), or carrying forward the fold of the events before it, as the projection does.
/// </summary>
public class FoldBenchmarks
{
    private StreamEvent[] _events = [];
    private StreamGraph? _before;

    [Params(5, 50, 500)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = new Source("Bench Wire", "Bench Wire");
        var start = new DateOnly(2000, 1, 1);
        _events = Enumerable.Range(0, Events).Select(i => new StreamEvent(i + 1, new EventEnvelope($"e{i}", start.AddDays(30 * i), source, i switch
        {
            0 => new FacilityRegistered("plant", "Plant", "acme", "US", "separation", "operating", ["ndpr-oxide"], 100),
            _ when i % 2 == 1 => new FacilityStatusChanged("plant", i % 4 == 1 ? "idle" : "operating"),
            _ => (CatalogEvent)new FacilityUpdated("plant", CapacityTonnesPerYear: 100 + i),
        }))).ToArray();
        _before = StreamFolder.Fold("facility:plant", _events[..^1]);
    }

    [Benchmark(Baseline = true)]
    public int FoldWhole() => StreamFolder.Fold("facility:plant", _events).Nodes.Count;

    [Benchmark]
    public int FoldCarriedForward() => StreamFolder.Fold("facility:plant", _events, _before).Nodes.Count;

    /// <summary>
    /// At each length, the median of both folds, the whole fold's cost per event against that of the shortest stream
    /// (linear growth would be 1.0×), and the carried-forward fold against the whole one, measured side by side.
    /// </summary>
    public static int Run(BenchOptions options)
    {
        var job = (options.Size == BenchSize.Tiny ? Job.Dry : Job.ShortRun).WithToolchain(InProcessNoEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(new StreamLogger(new StreamWriter(Console.OpenStandardError()) { AutoFlush = true }))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "kg-bench-artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<FoldBenchmarks>(config);
        double Median(int events, string method) => summary.Reports
            .Single(r => (int)r.BenchmarkCase.Parameters["Events"] == events && r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)
            .ResultStatistics?.Median ?? throw new InvalidOperationException($"BenchmarkDotNet measured nothing for {method} at {events} events");
        var lengths = summary.Reports.Select(r => (int)r.BenchmarkCase.Parameters["Events"]).Distinct().Order().ToList();
        var perEvent = Median(lengths[0], nameof(FoldWhole)) / lengths[0];
        Console.WriteLine("| events in the stream | whole fold, µs | per event vs the shortest stream | carried forward, µs | carried / whole |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var events in lengths)
        {
            var (whole, carried) = (Median(events, nameof(FoldWhole)), Median(events, nameof(FoldCarriedForward)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {events} | {whole / 1000:N1} | {whole / events / perEvent:0.0}× | {carried / 1000:N1} | {carried / whole:0.000}× |"));
        }
        return 0;
    }
}
