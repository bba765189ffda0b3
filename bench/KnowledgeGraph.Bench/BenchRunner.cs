using System.Diagnostics;
using KnowledgeGraph.Bench.Figures;

namespace KnowledgeGraph.Bench;

/// <summary>
/// Runs every figure, prints the table and writes it to <c>bench/results/&lt;date&gt;.md</c>; the file is written again
/// after each figure, so that a run stopped half-way keeps what it measured.
/// </summary>
public static class BenchRunner
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var server = await BenchDatabase.ServerAsync();
        var machine = Machine.Describe(await BenchDatabase.VersionAsync(server));
        var report = new Report(options.Size, machine);
        Directory.CreateDirectory(options.OutputFolder);
        // A partial run does not overwrite the day's whole table.
        var file = Path.Combine(options.OutputFolder, options.Only is { } only ? $"{started:yyyy-MM-dd}-figures-{string.Join("-", only.Order(StringComparer.Ordinal))}.md" : $"{started:yyyy-MM-dd}.md");
        Task SaveAsync() => File.WriteAllTextAsync(file, report.ToMarkdown(started, clock.Elapsed));
        Console.Error.WriteLine($"Benchmarks, size {options.Size.Name}, on {machine.Describe()}");
        // Figure 4 before 3, so that the long load of 3 comes after the issue's sizes; 2l last, since it adds events to a shared store.
        (string Figure, string Name, Func<Workload, Task> Run)[] figures =
        [
            ("1", "1. import", async workload =>
            {
                await ImportFigure.RunAsync(server, workload, options.Size, report);
                var (perLine, parseOnly) = MicroBenchmarks.Measure(options.Size);
                report.Add(new Row("1m", "Per-line import work, BenchmarkDotNet (parse, check and fingerprint an envelope)",
                    $"{perLine:N0} ns", $"{parseOnly:N0} ns (System.Text.Json parse of the same line)", $"{perLine / parseOnly:0.0}×", "", null));
            }),
            ("2", "2. projection", workload => ProjectionFigure.RunAsync(server, workload, options.Size, report)),
            ("4", "4. scaling", workload => ScalingFigure.RunAsync(server, workload, options.Size, report)),
            ("3", "3. GraphQL under load", async workload =>
            {
                await GraphQLFigure.RunAsync(server, workload, options.Size, report);
                await GateFigure.RunAsync(server, workload, options.Size, report);
            }),
            ("2l", "2l. projection lag under read load", workload => LagFigure.RunAsync(server, workload, options.Size, report)),
            ("5", "5. subscription delivery", _ => SubscriptionFigure.RunAsync(server, options.Size, report)),
        ];
        await using (var workload = Workload.Create())
        {
            foreach (var (_, name, run) in figures.Where(f => options.Runs(f.Figure)))
            {
                Console.Error.WriteLine($"{name} ({clock.Elapsed.TotalMinutes:0.0} min into the run)");
                await run(workload);
                await SaveAsync();
            }
        }
        var markdown = report.ToMarkdown(started, clock.Elapsed);
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine(markdown);
        Console.Error.WriteLine($"Written to {file}");
        return 0;
    }
}
