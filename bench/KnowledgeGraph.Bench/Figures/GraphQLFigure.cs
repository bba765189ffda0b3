using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Bench.Load;
using KnowledgeGraph.Graph.Model;
using Npgsql;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figures 3 and 6 (API): the API under 32 concurrent loopback clients against a minimal endpoint running the same SQL,
/// then the API with its limits effectively off against the API with its limits on.
/// </summary>
public static class GraphQLFigure
{
    private const int Clients = 32;

    private sealed record Scenario(string Name, string ReferencePath, byte[] Body);

    /// <summary>One server under load, with the best of its rounds for each question.</summary>
    private sealed class Target(ServerProcess server, string orgPath, string flagshipPath) : IDisposable
    {
        public ServerProcess Server { get; } = server;
        public Uri OrgUrl { get; } = new(server.Address, orgPath);
        public Uri FlagshipUrl { get; } = new(server.Address, flagshipPath);
        public LoadResult? Organization { get; set; }
        public LoadResult? Flagship { get; set; }
        public LoadResult? OrganizationKnown { get; set; }
        public LoadResult? FlagshipKnown { get; set; }
        public string OrgJson { get; set; } = "";
        public string FlagshipJson { get; set; } = "";
        public bool PeakReset { get; set; }

        public static LoadResult Best(LoadResult? best, LoadResult next) => best is null || next.PerSecond > best.PerSecond ? next : best;

        public void Dispose() => Server.Dispose();
    }

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        var database = await workload.ImportedAsync(server, size.ServeOrgs);
        var rounds = size == BenchSize.Tiny ? 1 : 2;
        // Two questions, each also with knownAtSequence on the same API (3e, 3f).
        var perRun = 4 * (rounds * size.Requests + Warmup(size)) + ReferenceAnalyses.All.Count * (2 + Warmup(size) / 2 + AnalysisRequests(size));
        var protectedLimits = new Dictionary<string, string>
        {
            // The shipped limits, except the rate and the cost budget: both are per address, and would stop the
            // benchmark's one loopback client.
            ["KG_RATE_LIMIT_PER_MINUTE"] = (perRun + 100).ToString(CultureInfo.InvariantCulture),
            ["KG_COST_BUDGET_PER_MINUTE"] = "2000000000",
            // The load repeats one question: with the answer cache it would measure the cache, not the question.
            ["KG_ANSWER_CACHE_MB"] = "0",
        };
        var limitsOff = new Dictionary<string, string>
        {
            ["KG_RATE_LIMIT_PER_MINUTE"] = "2000000000",
            ["KG_GRAPHQL_MAX_COMPLEXITY"] = "2000000000",
            ["KG_COST_BUDGET_PER_MINUTE"] = "2000000000",
            ["KG_GRAPHQL_EXPENSIVE_CONCURRENCY"] = "100000",
            ["KG_GRAPHQL_MAX_DEPTH"] = "1000",
            ["KG_GRAPHQL_TIMEOUT_SECONDS"] = "86400",
            ["KG_ANSWER_CACHE_MB"] = "0",
        };

        // The first API projects the imported events itself; the others start on the graph it leaves.
        using var api = new Target(ApiProcess(database.ConnectionString, protectedLimits), "graphql", "graphql");
        await api.Server.WaitAsync(ProjectedAsync, TimeSpan.FromMinutes(30));
        database.Projected = true;
        using var reference = new Target(ServerProcess.Start(RepositoryPaths.Self, url => ["reference-server", database.ConnectionString, url.ToString()],
            new Dictionary<string, string>()), "organization", "flagship");
        await reference.Server.WaitAsync(Ok, TimeSpan.FromMinutes(5));
        using var open = new Target(ApiProcess(database.ConnectionString, limitsOff), "graphql", "graphql");
        await open.Server.WaitAsync(ProjectedAsync, TimeSpan.FromMinutes(30));

        var orgBody = ServedQueries.OrganizationBody(await MostSuppliedAsync(database.ConnectionString));
        var flagshipBody = ServedQueries.FlagshipBody();
        // The same questions pinned to the knowledge point the graph holds: the same answer, read through the knowledge filter.
        var knownAt = await ProjectedSequenceAsync(database.ConnectionString);
        var (orgKnownBody, flagshipKnownBody) = (ServedQueries.OrganizationBody(await MostSuppliedAsync(database.ConnectionString), knownAt), ServedQueries.FlagshipBody(knownAt));
        using var load = new LoadGenerator(Clients);
        Target[] targets = [reference, api, open];
        foreach (var target in targets)
        {
            target.PeakReset = target.Server.ResetPeakMemory();
            target.OrgJson = await load.SendOnceAsync(target.OrgUrl, orgBody);
            target.FlagshipJson = await load.SendOnceAsync(target.FlagshipUrl, flagshipBody);
            await load.RunAsync(target.OrgUrl, orgBody, Warmup(size), size.LoadTimeLimit);
            await load.RunAsync(target.FlagshipUrl, flagshipBody, Warmup(size), size.LoadTimeLimit);
        }
        await load.RunAsync(api.OrgUrl, orgKnownBody, Warmup(size), size.LoadTimeLimit);
        await load.RunAsync(api.FlagshipUrl, flagshipKnownBody, Warmup(size), size.LoadTimeLimit);
        // Rounds interleave the servers, so that a burst of noise from the shared machine does not land on one alone.
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                target.Organization = Target.Best(target.Organization, await load.RunAsync(target.OrgUrl, orgBody, size.Requests, size.LoadTimeLimit));
                target.Flagship = Target.Best(target.Flagship, await load.RunAsync(target.FlagshipUrl, flagshipBody, size.Requests, size.LoadTimeLimit));
            }
            api.OrganizationKnown = Target.Best(api.OrganizationKnown, await load.RunAsync(api.OrgUrl, orgKnownBody, size.Requests, size.LoadTimeLimit));
            api.FlagshipKnown = Target.Best(api.FlagshipKnown, await load.RunAsync(api.FlagshipUrl, flagshipKnownBody, size.Requests, size.LoadTimeLimit));
        }
        var (orgKnownJson, flagshipKnownJson) = (await load.SendOnceAsync(api.OrgUrl, orgKnownBody), await load.SendOnceAsync(api.FlagshipUrl, flagshipKnownBody));
        var analyses = await AnalysesAsync(load, api, reference, database.ConnectionString, size);

        Compare(report, "3a", "GraphQL, an organization with its suppliers", api.Organization!, reference.Organization!, api.OrgJson, reference.OrgJson);
        Compare(report, "3b", $"GraphQL, the flagship question (firmsLackingSupplier {ServedQueries.Product}, {ServedQueries.Bloc}, excluding {ServedQueries.ExcludedCountry})",
            api.Flagship!, reference.Flagship!, api.FlagshipJson, reference.FlagshipJson);
        Cost(report, "3c", "Cost of the protections (complexity, depth, timeout, rate limiter), organization", api.Organization!, open.Organization!);
        Cost(report, "3d", "Cost of the protections, flagship question", api.Flagship!, open.Flagship!);
        Known(report, "3e", "Knowledge time, organization: knownAtSequence set to the graph's point", api.OrganizationKnown!, api.Organization!, Data(orgKnownJson) == Data(api.OrgJson));
        Known(report, "3f", "Knowledge time, flagship question: knownAtSequence set", api.FlagshipKnown!, api.Flagship!, Data(flagshipKnownJson) == Data(api.FlagshipJson));
        foreach (var (analysis, measured, hand, apiJson, handJson) in analyses)
        {
            var same = SameData(apiJson, handJson);
            var ratio = measured.PerSecond / hand.PerSecond;
            report.Add(new Row(analysis.Id, $"GraphQL, {analysis.Name}" + (same ? "" : " — **the reference's JSON differs**"), measured.Describe(),
                $"{hand.Describe()} (one hand-written SQL statement building the JSON, minimal endpoint)", Row.Percent(ratio), ">= 50 %", ratio >= 0.5 && same));
        }
        var (apiPeak, referencePeak) = (api.Server.PeakResidentMiB(), reference.Server.PeakResidentMiB());
        report.Add(new Row("6a", $"Peak memory of the API during 3 (separate process, VmHWM{(api.PeakReset ? " reset after start-up and projection" : " since start")})",
            Mib(apiPeak), $"{Mib(referencePeak)} (the minimal endpoint)",
            apiPeak is { } a && referencePeak is { } r ? $"{a / r:0.0}×" : "", "", null));
        report.Note($"Figure 3: {Clients} concurrent clients (HttpClient, closed loop) on 127.0.0.1, {size.Requests:N0} requests per question "
            + $"or {size.LoadTimeLimit.TotalSeconds:0} s, whichever first, after {Warmup(size):N0} warm-up requests; each server in its own process; "
            + $"best of {rounds} round(s), the servers taking turns within a round. "
            + "The protections' cost compares the API with the shipped limits (rate raised to let the run through) to the same API with every limit set huge: "
            + "both still run the complexity analyzer and the rate limiter, so it is the cost of the limits' values, not of the machinery.");
    }

    /// <summary>
    /// Figures 3g on: each analysis through the API against one hand-written statement answering it, in turns, one round
    /// of a third of the requests (there are many), after a warm-up.
    /// </summary>
    private static async Task<List<(ReferenceAnalyses.Analysis Analysis, LoadResult Api, LoadResult Reference, string ApiJson, string ReferenceJson)>> AnalysesAsync(
        LoadGenerator load, Target api, Target reference, string connectionString, BenchSize size)
    {
        var orgId = await MostSuppliedAsync(connectionString);
        var otherId = await FirstOtherOrganizationAsync(connectionString, orgId);
        var requests = AnalysisRequests(size);
        var results = new List<(ReferenceAnalyses.Analysis, LoadResult, LoadResult, string, string)>();
        foreach (var analysis in ReferenceAnalyses.All)
        {
            var body = ReferenceAnalyses.Body(analysis, orgId, otherId);
            var handUrl = new Uri(reference.Server.Address, $"analysis/{analysis.Id}");
            var (apiJson, handJson) = (await load.SendOnceAsync(api.OrgUrl, body), await load.SendOnceAsync(handUrl, body));
            await load.RunAsync(api.OrgUrl, body, Warmup(size) / 2, size.LoadTimeLimit);
            await load.RunAsync(handUrl, body, Warmup(size) / 2, size.LoadTimeLimit);
            var measured = await load.RunAsync(api.OrgUrl, body, requests, size.LoadTimeLimit);
            var hand = await load.RunAsync(handUrl, body, requests, size.LoadTimeLimit);
            results.Add((analysis, measured, hand, apiJson, handJson));
        }
        return results;
    }

    /// <summary>Each analysis of figure 3g on, sent once to a running API and reference server: whether they agree, and the best of 3 of each.</summary>
    public static async Task<int> CheckAsync(string orgId, string otherId, Uri api, Uri reference)
    {
        using var load = new LoadGenerator(1);
        var differ = 0;
        foreach (var analysis in ReferenceAnalyses.All)
        {
            var body = ReferenceAnalyses.Body(analysis, orgId, otherId);
            var handUrl = new Uri(reference, $"analysis/{analysis.Id}");
            var (apiJson, handJson) = (await load.SendOnceAsync(api, body), await load.SendOnceAsync(handUrl, body));
            var same = SameData(apiJson, handJson);
            differ += same ? 0 : 1;
            var (a, h) = (await load.RunAsync(api, body, 3, TimeSpan.FromMinutes(1)), await load.RunAsync(handUrl, body, 3, TimeSpan.FromMinutes(1)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{analysis.Id} {analysis.Name}: {(same ? "same" : "DIFFERENT")}, API p50 {a.P50Ms:0.0} ms, statement p50 {h.P50Ms:0.0} ms"));
            if (!same)
            {
                Console.WriteLine($"  API:       {apiJson[..Math.Min(600, apiJson.Length)]}");
                Console.WriteLine($"  statement: {handJson[..Math.Min(600, handJson.Length)]}");
            }
        }
        return differ == 0 ? 0 : 1;
    }

    private static int AnalysisRequests(BenchSize size) => Math.Max(Clients * 2, size.Requests / 3);

    /// <summary>The same data in two answers: objects by their keys in any order, arrays in order, numbers by value.</summary>
    public static bool SameData(string a, string b) =>
        Canonical(JsonNode.Parse(a)?["data"]) == Canonical(JsonNode.Parse(b)?["data"]);

    private static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            .ToString("0.############################", CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    /// <summary>The first organization by id other than the given one: the far end of the path question.</summary>
    internal static async Task<string> FirstOtherOrganizationAsync(string connectionString, string orgId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM kg_graph.node_versions WHERE label = 'Organization' AND id <> @org ORDER BY id LIMIT 1", connection);
        command.Parameters.AddWithValue("org", orgId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Enough requests for the JIT to settle before measuring.</summary>
    private static int Warmup(BenchSize size) => Math.Max(2 * Clients, size.Requests / 5);

    internal static ServerProcess ApiProcess(string connectionString, Dictionary<string, string> limits) =>
        ServerProcess.Start(RepositoryPaths.Api, _ => [], new Dictionary<string, string>(limits) { ["KG_POSTGRES"] = connectionString });

    private static void Compare(Report report, string id, string figure, LoadResult api, LoadResult reference, string apiJson, string referenceJson)
    {
        // The answers, not the envelopes: the API's responses carry extensions (their cost) the reference does not write.
        var same = SameData(apiJson, referenceJson);
        var ratio = api.PerSecond / reference.PerSecond;
        report.Add(new Row(id, figure + (same ? "" : " — **the reference's JSON differs**"), api.Describe(),
            $"{reference.Describe()} (minimal ASP.NET Core endpoint, same reader, same JSON)", Row.Percent(ratio), ">= 50 %", ratio >= 0.5 && same));
    }

    private static void Cost(Report report, string id, string figure, LoadResult limited, LoadResult open)
    {
        var cost = 1 - limited.PerSecond / open.PerSecond;
        report.Add(new Row(id, figure, $"{Row.Number(limited.PerSecond)} req/s with the shipped limits",
            $"{Row.Number(open.PerSecond)} req/s with limits effectively off", cost >= 0 ? $"{Row.Percent(cost)} slower" : $"{Row.Percent(-cost)} faster", "<= 10 %", cost <= 0.10));
    }

    /// <summary>The same question with and without a knowledge point, on the same API: its cost as a ratio of the times.</summary>
    private static void Known(Report report, string id, string figure, LoadResult known, LoadResult latest, bool same)
    {
        var ratio = latest.PerSecond / known.PerSecond;
        report.Add(new Row(id, figure + (same ? "" : " — **the answers differ**"), $"{Row.Number(known.PerSecond)} req/s with knownAtSequence",
            $"{Row.Number(latest.PerSecond)} req/s without (everything recorded)", $"{ratio:0.00}× the time", "<= 1.5×", ratio <= 1.5 && same));
    }

    /// <summary>An answer's data, without its extensions (cost and knowledge point differ from request to request).</summary>
    private static string Data(string json) => JsonNode.Parse(json)!["data"]!.ToJsonString();

    private static async Task<long> ProjectedSequenceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(max(last_seq), 0) FROM kg_graph.streams", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string Mib(double? value) => value is { } v ? $"{Row.Number(v)} MiB" : "not available (no /proc)";

    private static async Task<bool> Ok(HttpClient http) => (await http.GetAsync(new Uri("health", UriKind.Relative))).IsSuccessStatusCode;

    /// <summary>Healthy, and the graph projected up to the last stored event.</summary>
    internal static async Task<bool> ProjectedAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        return health.GetProperty("lastProjectedSequence").GetInt64() >= health.GetProperty("lastStoredSequence").GetInt64();
    }

    /// <summary>The organization with the most signed supply agreements as buyer: the heaviest "organization with suppliers".</summary>
    public static async Task<string> MostSuppliedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT to_id FROM kg_graph.edges WHERE type = @type AND props->>'status' = 'signed' GROUP BY to_id ORDER BY count(*) DESC, to_id LIMIT 1", connection);
        command.Parameters.AddWithValue("type", Relationships.Supplies);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("the generated graph has no supply agreement");
    }
}
