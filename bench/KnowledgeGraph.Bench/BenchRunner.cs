using System.Diagnostics;
using KnowledgeGraph.Bench.Figures;

namespace KnowledgeGraph.Bench;

/// <summary>Runs every figure in order, prints the table and writes it to <c>bench/results/&lt;date&gt;.md</c>.</summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var server = await BenchDatabase.ServerAsync();
        var machine = Machine.Describe(await BenchDatabase.VersionAsync(server));
        var report = new Report(options.Size, machine);
        Console.Error.WriteLine($"Benchmarks, size {options.Size.Name}, on {machine.Describe()}");
        using (var workload = Workload.Create())
        {
            if (options.Runs(1))
            {
                Console.Error.WriteLine("1. import");
                await ImportFigure.RunAsync(server, workload, options.Size, report);
                var (perLine, parseOnly) = MicroBenchmarks.Measure(options.Size);
                report.Add(new Row("1m", "Per-line import work, BenchmarkDotNet (parse, check and fingerprint an envelope)",
                    $"{perLine:N0} ns", $"{parseOnly:N0} ns (System.Text.Json parse of the same line)", $"{perLine / parseOnly:0.0}×", "", null));
            }
            if (options.Runs(2))
            {
                Console.Error.WriteLine("2. projection");
                await ProjectionFigure.RunAsync(server, workload, options.Size, report);
            }
            if (options.Runs(3))
            {
                Console.Error.WriteLine("3. GraphQL under load");
                await GraphQLFigure.RunAsync(server, workload, options.Size, report);
            }
            if (options.Runs(4))
            {
                Console.Error.WriteLine("4. scaling");
                await ScalingFigure.RunAsync(server, workload, options.Size, report);
            }
        }
        if (options.Runs(5))
        {
            Console.Error.WriteLine("5. subscription delivery");
            await SubscriptionFigure.RunAsync(server, options.Size, report);
        }
        var markdown = report.ToMarkdown(started, clock.Elapsed);
        Console.WriteLine(markdown);
        Directory.CreateDirectory(options.OutputFolder);
        // A partial run does not overwrite the day's whole table.
        var file = Path.Combine(options.OutputFolder, options.Only is { } only ? $"{started:yyyy-MM-dd}-figures-{string.Join("-", only.Order())}.md" : $"{started:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(file, markdown);
        Console.Error.WriteLine($"Written to {file}");
        return 0;
    }
}
