using System.Globalization;
using System.Text.Json;
using KnowledgeGraph.Bench.Load;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figure 3n: a cheap lookup's latency while 16 clients ask the most expensive question allowed, on the API with its
/// expensive-question gate (one at a time) and, as the reference, on the same API without it. The tests check only
/// what the gate decides (every lookup answered, every expensive question answered or refused busy); the time is here.
/// </summary>
public static class GateFigure
{
    private const int Attackers = 16;

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        var database = await workload.ImportedAsync(server, size.ServeOrgs);
        // One loopback address for every client: the rate and the budget out of the way, and the answer cache off (the
        // load asks one question over and over), so that only the gate differs between the two servers.
        var gated = new Dictionary<string, string>
        {
            ["KG_ANSWER_CACHE_MB"] = "0",
            ["KG_COST_BUDGET_PER_MINUTE"] = "2000000000",
            ["KG_RATE_LIMIT_PER_MINUTE"] = "2000000000",
            ["KG_GRAPHQL_EXPENSIVE_CONCURRENCY"] = "1",
        };
        var ungated = new Dictionary<string, string>(gated) { ["KG_GRAPHQL_EXPENSIVE_CONCURRENCY"] = "100000" };
        var withGate = await MeasureAsync(database.ConnectionString, gated, size);
        database.Projected = true;
        var without = await MeasureAsync(database.ConnectionString, ungated, size);
        report.Add(new Row("3n", $"A cheap lookup while {Attackers} clients ask shortestPath(maxHops: 8), with the expensive-question gate (1 at a time)",
            withGate.Describe(), $"{without.Describe()} without the gate", $"{withGate.Ratio:0.00}× its unloaded time", "<= 3×",
            withGate.Ratio <= 3 && withGate.Loaded.Failed == 0));
    }

    private sealed record Measurement(LoadResult Unloaded, LoadResult Loaded, LoadResult Attack)
    {
        public double Ratio => Loaded.P50Ms / Unloaded.P50Ms;

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"p50 {Unloaded.P50Ms:0.0} ms unloaded, {Loaded.Describe()} loaded; {Attack.Completed} expensive answered, {Attack.Failed} refused busy");
    }

    private static async Task<Measurement> MeasureAsync(string connectionString, Dictionary<string, string> settings, BenchSize size)
    {
        using var api = GraphQLFigure.ApiProcess(connectionString, settings);
        await api.WaitAsync(GraphQLFigure.ProjectedAsync, TimeSpan.FromMinutes(30));
        // The graph exists once an API has projected the events.
        var orgId = await GraphQLFigure.MostSuppliedAsync(connectionString);
        var lookup = Body($$"""{ organization(id: "{{orgId}}") { id name } }""");
        var expensive = Body($$"""{ shortestPath(from: "{{orgId}}", to: "AQ", maxHops: 8) { length } }""");
        var url = new Uri(api.Address, "graphql");
        using var one = new LoadGenerator(1);
        using var attackers = new LoadGenerator(Attackers);
        await one.RunAsync(url, lookup, 50, size.LoadTimeLimit);
        var unloaded = await one.RunAsync(url, lookup, size.Requests / 10, size.LoadTimeLimit);
        var attack = attackers.RunAsync(url, expensive, 1_000_000, size.LoadTimeLimit);
        var loaded = await one.RunAsync(url, lookup, size.Requests / 10, size.LoadTimeLimit);
        return new Measurement(unloaded, loaded, await attack);
    }

    private static byte[] Body(string query) => JsonSerializer.SerializeToUtf8Bytes(new { query });
}
