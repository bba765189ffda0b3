using System.Globalization;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>Figures 1 and 6 (import): the product's import against a binary COPY of the same rows, each in its own process and database.</summary>
public static class ImportFigure
{
    private sealed record Measured(long Events, double Seconds, double PeakMiB)
    {
        public double PerSecond => Events / Seconds;
    }

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        var file = await workload.EventsAsync(size.ImportOrgs);
        var import = await MeasureAsync(server, "kg", file);
        var copy = await MeasureAsync(server, "copy", file);
        var ratio = import.PerSecond / copy.PerSecond;
        report.Add(new Row("1", $"Import throughput, {import.Events:N0} generated events ({size.ImportOrgs:N0} orgs)",
            $"{Row.Number(import.PerSecond)} events/s", $"{Row.Number(copy.PerSecond)} events/s (Npgsql binary COPY, plain table)",
            Row.Percent(ratio), ">= 20 %", ratio >= 0.20));
        report.Add(new Row("6b", "Peak memory of the import (separate process, VmHWM)",
            $"{Row.Number(import.PeakMiB)} MiB", $"{Row.Number(copy.PeakMiB)} MiB (the COPY process)",
            $"{import.PeakMiB / copy.PeakMiB:0.0}×", "", null));
    }

    private static async Task<Measured> MeasureAsync(string server, string mode, string file)
    {
        await using var database = await BenchDatabase.CreateAsync(server, $"import_{mode}");
        var info = ChildProcess.Dotnet(RepositoryPaths.Self, ["import-child", mode, file, database.ConnectionString]);
        var output = (await ChildProcess.RunAsync(info, TimeSpan.FromHours(2))).Trim().Split('\n')[^1].Split(' ');
        return new Measured(long.Parse(output[0], CultureInfo.InvariantCulture),
            double.Parse(output[1], CultureInfo.InvariantCulture), double.Parse(output[2], CultureInfo.InvariantCulture));
    }
}
