using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Bench.Load;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Queries;
using Npgsql;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figure 4: the flagship question and a 4-tier supply chain, called in-process through the PostgreSQL reader, on
/// generated graphs of growing size. The reference is linear growth from the smallest graph, measured in the same run.
/// </summary>
public static class ScalingFigure
{
    private sealed record Timing(int Orgs, double FlagshipMs, double ChainMs);

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        var timings = new List<Timing>();
        foreach (var orgs in size.ScalingOrgs)
        {
            timings.Add(await MeasureAsync(server, await workload.EventsAsync(orgs), orgs, size.QueryRepeats));
        }
        var smallest = timings[0];
        foreach (var t in timings)
        {
            Add(report, "4a", "Flagship question", t.Orgs, t.FlagshipMs, smallest.Orgs, smallest.FlagshipMs);
        }
        foreach (var t in timings)
        {
            Add(report, "4b", "4-tier supply chain (supplyChain, most-supplied firm)", t.Orgs, t.ChainMs, smallest.Orgs, smallest.ChainMs);
        }
        report.Note($"Figure 4: median of {size.QueryRepeats} calls after one warm-up, in-process through PostgresGraphReader; "
            + "the ratio is the time against the smallest graph's time scaled linearly with the number of organizations (<= 100 % is no worse than linear).");
    }

    private static void Add(Report report, string id, string question, int orgs, double ms, int baseOrgs, double baseMs)
    {
        var linear = baseMs * orgs / baseOrgs;
        var first = orgs == baseOrgs;
        report.Add(new Row(id, $"{question}, {orgs:N0} orgs", $"{ms:0.0} ms",
            first ? "the base of the linear reference" : $"{linear:0.0} ms (linear from {baseOrgs:N0} orgs)",
            first ? "" : Row.Percent(ms / linear), first ? "" : "<= 100 %", first ? null : ms <= linear));
    }

    private static async Task<Timing> MeasureAsync(string server, string file, int orgs, int repeats)
    {
        await using var database = await BenchDatabase.CreateAsync(server, "scaling");
        await Workload.ImportAsync(database.ConnectionString, file);
        await Workload.RebuildAsync(database.ConnectionString);
        var orgId = await GraphQLFigure.MostSuppliedAsync(database.ConnectionString);
        await using var dataSource = KnowledgeGraph.Graph.GraphSetup.CreateDataSource(database.ConnectionString);
        var reader = new PostgresGraphReader(dataSource);
        var asOf = DateOnly.Parse(ServedQueries.AsOf, CultureInfo.InvariantCulture);
        var question = new FlagshipQuestion(ServedQueries.Product, ServedQueries.Bloc, null, [ServedQueries.ExcludedCountry], asOf);
        var flagship = await MedianAsync(repeats, () => FirmsLackingSupplier.RunAsync(reader, question, CancellationToken.None));
        var chain = await MedianAsync(repeats, () => SupplyRelations.UpstreamAsync(reader, orgId, null, 4, asOf, CancellationToken.None));
        return new Timing(orgs, flagship, chain);
    }

    private static async Task<double> MedianAsync<T>(int repeats, Func<Task<T>> call)
    {
        await call();
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(times.Count / 2);
    }
}
