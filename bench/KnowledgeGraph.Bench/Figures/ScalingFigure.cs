using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Bench.Load;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figure 4: every analysis (flagship, supply chain, path, stranded-if, concentration, deals), called in-process through the PostgreSQL reader, on
/// generated graphs of growing size. The reference is linear growth from the smallest graph, measured in the same run.
/// </summary>
public static class ScalingFigure
{
    private sealed record Timing(int Orgs, IReadOnlyDictionary<string, double> Ms);

    /// <summary>Each question's row id and name, in the order of the table.</summary>
    private static readonly (string Id, string Name)[] Questions =
    [
        ("4a", "Flagship question"), ("4b", "4-tier supply chain (supplyChain, most-supplied firm)"),
        ("4c", "shortestPath (maxHops 4, to the most-supplied firm)"), ("4d", "strandedIf (CN, ndfeb-magnet, EU)"),
        ("4e", "stageConcentration (separation)"), ("4f", "deals (kind supply, a party in the US, first 100)"),
    ];

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        var timings = new List<Timing>();
        foreach (var orgs in size.ScalingOrgs)
        {
            timings.Add(await MeasureAsync(server, await workload.EventsAsync(orgs), orgs, size.QueryRepeats));
        }
        var smallest = timings[0];
        foreach (var (id, name) in Questions)
        {
            foreach (var t in timings)
            {
                Add(report, id, name, t.Orgs, t.Ms[id], smallest.Orgs, smallest.Ms[id]);
            }
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
        await using var dataSource = GraphSetup.CreateDataSource(database.ConnectionString);
        var reader = new PostgresGraphReader(dataSource);
        var asOf = DateOnly.Parse(ServedQueries.AsOf, CultureInfo.InvariantCulture);
        var question = new FlagshipQuestion(ServedQueries.Product, ServedQueries.Bloc, null, [ServedQueries.ExcludedCountry], asOf);
        var other = (await reader.OrganizationsAsync(new OrganizationFilter(), asOf, null, 1, CancellationToken.None)).Items[0].Id;
        var ct = CancellationToken.None;
        var ms = new Dictionary<string, double>
        {
            ["4a"] = await MedianAsync(repeats, () => FirmsLackingSupplier.RunAsync(reader, question, ct)),
            ["4b"] = await MedianAsync(repeats, () => SupplyRelations.UpstreamAsync(reader, orgId, null, 4, asOf, ct)),
            ["4c"] = await MedianAsync(repeats, () => GraphPaths.ShortestAsync(reader, other, orgId, 4, asOf, ct)),
            ["4d"] = await MedianAsync(repeats, () => StrandedIf.RunAsync(reader, [ServedQueries.ExcludedCountry], ServedQueries.Product, ServedQueries.Bloc, asOf, ct)),
            ["4e"] = await MedianAsync(repeats, () => StageConcentration.RunAsync(reader, "separation", asOf, ct)),
            ["4f"] = await MedianAsync(repeats, () => reader.DealsAsync(new DealFilter(Kind: DealKind.Supply, Country: "US"), null, 100, ct)),
        };
        return new Timing(orgs, ms);
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
