using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figures 1 and 6 (import): the product's import against a binary COPY of the same rows, each in its own process and
/// database; then one new line imported with <c>kg import</c>, as a user runs it, into that full store and into an empty one.
/// </summary>
public static class ImportFigure
{
    private const int OneLineRepeats = 3;

    private sealed record Measured(long Events, double Seconds, double PeakMiB)
    {
        public double PerSecond => Events / Seconds;
    }

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        var file = await workload.EventsAsync(size.ImportOrgs);
        var full = await BenchDatabase.CreateAsync(server, "import_kg");
        var import = await MeasureAsync(full, "kg", file);
        var store = workload.Keep(size.ImportOrgs, full, import.Seconds);
        await using (var copyDatabase = await BenchDatabase.CreateAsync(server, "import_copy"))
        {
            var copy = await MeasureAsync(copyDatabase, "copy", file);
            var ratio = import.PerSecond / copy.PerSecond;
            report.Add(new Row("1", $"Import throughput, {import.Events:N0} generated events ({size.ImportOrgs:N0} orgs)",
                $"{Row.Number(import.PerSecond)} events/s", $"{Row.Number(copy.PerSecond)} events/s (Npgsql binary COPY, plain table)",
                Row.Percent(ratio), ">= 30 %", ratio >= 0.30));
            report.Add(new Row("6b", "Peak memory of the import (separate process, VmHWM)",
                $"{Row.Number(import.PeakMiB)} MiB", $"{Row.Number(copy.PeakMiB)} MiB (the COPY process)",
                $"{import.PeakMiB / copy.PeakMiB:0.0}×", "", null));
        }

        await using var empty = await BenchDatabase.CreateAsync(server, "import_empty");
        // The first line into the empty store creates its schema; the full store has it already.
        await KgImportAsync(empty.ConnectionString, NewOrganizations("zz-bench-setup", 1), "setup");
        var (intoFull, intoEmpty) = (new List<double>(), new List<double>());
        for (var i = 0; i < OneLineRepeats; i++)
        {
            // Side by side, in turns, each a line never seen by either store.
            intoFull.Add(await KgImportAsync(store.ConnectionString, NewOrganizations($"zz-bench-full-{i}", 1), $"full-{i}"));
            intoEmpty.Add(await KgImportAsync(empty.ConnectionString, NewOrganizations($"zz-bench-empty-{i}", 1), $"empty-{i}"));
        }
        var (fullSeconds, emptySeconds) = (Median(intoFull), Median(intoEmpty));
        report.Add(new Row("1o", $"One-line import (`kg import` of one new organization, whole process), into the store of {import.Events:N0} events",
            $"{fullSeconds:0.00} s", $"{emptySeconds:0.00} s (the same into an empty store)", $"{fullSeconds / emptySeconds:0.00}×", "<= 2×", fullSeconds <= 2 * emptySeconds));
        report.Note($"Figure 1o: median of {OneLineRepeats} runs of `kg import` on a one-line file, the two stores taking turns; the empty store got one line first, so that neither run creates the schema.");
    }

    /// <summary><paramref name="count"/> lines registering new organizations, ids starting with <paramref name="prefix"/> (after the generated ones by id).</summary>
    public static IEnumerable<string> NewOrganizations(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => new JsonObject
        {
            ["id"] = $"evt-{prefix}-{i}",
            ["type"] = "OrganizationRegistered",
            ["effectiveDate"] = "2025-06-01",
            ["source"] = new JsonObject { ["title"] = "Benchmark registration", ["publisher"] = "Benchmark" },
            ["data"] = new JsonObject
            {
                ["orgId"] = $"{prefix}-{i}",
                ["name"] = $"Benchmark Organization {prefix} {i}",
                ["country"] = "DE",
                ["kind"] = "company",
                ["stages"] = new JsonArray("magnet"),
            },
        }.ToJsonString());

    /// <summary>Writes the lines to a file and runs <c>kg import</c> on it against the database; its wall time in seconds.</summary>
    public static async Task<double> KgImportAsync(string connectionString, IEnumerable<string> lines, string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kg-bench-{name}-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, lines);
        try
        {
            var info = ChildProcess.Dotnet(RepositoryPaths.Cli, ["import", file], new Dictionary<string, string> { ["KG_POSTGRES"] = connectionString });
            var clock = Stopwatch.StartNew();
            await ChildProcess.RunAsync(info, TimeSpan.FromMinutes(30));
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static async Task<Measured> MeasureAsync(BenchDatabase database, string mode, string file)
    {
        var info = ChildProcess.Dotnet(RepositoryPaths.Self, ["import-child", mode, file, database.ConnectionString]);
        var output = (await ChildProcess.RunAsync(info, TimeSpan.FromHours(2))).Trim().Split('\n')[^1].Split(' ');
        return new Measured(long.Parse(output[0], CultureInfo.InvariantCulture),
            double.Parse(output[1], CultureInfo.InvariantCulture), double.Parse(output[2], CultureInfo.InvariantCulture));
    }
}
