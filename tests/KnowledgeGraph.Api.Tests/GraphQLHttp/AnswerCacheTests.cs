using System.Text.Json;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>
/// Answers kept by knowledge point: the same query at the same point is answered again without running, and a new
/// event (a new point) is never answered from what was kept before it.
/// </summary>
public class AnswerCacheTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string SupplyDeals = "{ deals(kind: SUPPLY) { totalCount nodes { id } } }";

    private const string NewAgreement = """
        {"id":"sup-cache-new","type":"SupplyAgreementSigned","effectiveDate":"2021-01-01","source":{"title":"A later offtake","publisher":"Scenario Wire","url":"https://example.org/scenario/cache"},"data":{"dealId":"cache-new","supplierId":"jl-mag","buyerId":"gm","product":"ndfeb-magnet","status":"signed"}}
        """;

    private async Task<ApiServer<Program>> ServeScenarioAsync(params (string Key, string Value)[] settings)
    {
        await using (var store = database.CreateStore())
        {
            var summary = await new Importer(store, database.ConnectionString)
                .ImportAsync(JsonLinesSource.Read([GraphFixture.ScenarioFile("supply-chain.jsonl")]), ct: TestContext.Current.CancellationToken);
            Assert.Empty(summary.Rejections);
        }
        return new ApiServer<Program>(database.ConnectionString, settings.ToDictionary(s => s.Key, s => s.Value));
    }

    private static bool Cached(GraphQLAnswer answer) =>
        answer.Body.GetProperty("extensions").GetProperty("cost").TryGetProperty("cached", out var cached) && cached.GetBoolean();

    private static long Sequence(GraphQLAnswer answer) =>
        answer.Body.GetProperty("extensions").GetProperty("knowledge").GetProperty("sequence").GetInt64();

    private static int Total(GraphQLAnswer answer) => answer.Body.GetProperty("data").GetProperty("deals").GetProperty("totalCount").GetInt32();

    [Fact]
    public async Task TheSameQuery_IsAnsweredFromTheCache_UntilANewEventMovesTheKnowledgePoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ServeScenarioAsync();
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);

        // Given an answer computed once
        var first = await client.PostGraphQLAsync(new { query = SupplyDeals });
        var again = await client.PostGraphQLAsync(new { query = SupplyDeals });

        // Then the second is the same answer, from the cache, with what it cost when it ran
        Assert.False(Cached(first));
        Assert.True(Cached(again));
        Assert.Equal(first.Body.GetProperty("data").GetRawText(), again.Body.GetProperty("data").GetRawText());
        Assert.Equal(first.Body.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble(),
            again.Body.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());

        // When a new agreement is recorded and projected
        await using (var store = database.CreateStore())
        {
            var summary = await new Importer(store, database.ConnectionString).ImportAsync([new InputLine("cache", 1, NewAgreement)], ct: ct);
            Assert.Equal(1, summary.Stored);
        }
        await HealthPolling.UntilProjectedAsync(client, ct);
        var after = await client.PostGraphQLAsync(new { query = SupplyDeals });

        // Then the answer is computed again, at the new knowledge point, and holds the new deal
        Assert.False(Cached(after));
        Assert.True(Sequence(after) > Sequence(first));
        Assert.Equal(Total(first) + 1, Total(after));
        Assert.Contains(after.Body.GetProperty("data").GetProperty("deals").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == "cache-new");
        Assert.True(Cached(await client.PostGraphQLAsync(new { query = SupplyDeals })));

        // And an earlier knowledge point asked for by name still gives the earlier answer
        static string DealsOfGm(string at) => $$"""{ organization(id: "gm"{{at}}) { deals { deal { id } } } }""";
        static int Count(GraphQLAnswer a) => a.Body.GetProperty("data").GetProperty("organization").GetProperty("deals").GetArrayLength();
        var now = await client.PostGraphQLAsync(new { query = DealsOfGm("") });
        var earlier = await client.PostGraphQLAsync(new { query = DealsOfGm($", knownAtSequence: {Sequence(first)}") });
        Assert.Equal(Count(now) - 1, Count(earlier));
    }

    [Fact]
    public async Task AnAnswerWithErrors_OrOtherVariables_IsNeverServedFromTheCache()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ServeScenarioAsync();
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);
        const string ById = "query($id: String!) { organization(id: $id) { id name } }";

        var gm = await client.PostGraphQLAsync(new { query = ById, variables = new { id = "gm" } });
        var other = await client.PostGraphQLAsync(new { query = ById, variables = new { id = "jl-mag" } });
        var bad1 = await client.PostGraphQLAsync(new { query = """{ organization(id: "gm") { id nosuchfield } }""" });
        var bad2 = await client.PostGraphQLAsync(new { query = """{ organization(id: "gm") { id nosuchfield } }""" });

        Assert.False(Cached(other));
        Assert.NotEqual(gm.Body.GetProperty("data").GetRawText(), other.Body.GetProperty("data").GetRawText());
        Assert.Equal(JsonValueKind.Array, bad2.Body.GetProperty("errors").ValueKind);
        Assert.False(bad1.Body.TryGetProperty("extensions", out var e1) && e1.GetProperty("cost").TryGetProperty("cached", out _));
        Assert.False(bad2.Body.TryGetProperty("extensions", out var e2) && e2.GetProperty("cost").TryGetProperty("cached", out _));
    }

    [Fact]
    public async Task WithTheCacheOff_EveryQueryRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await ServeScenarioAsync(("KG_ANSWER_CACHE_MB", "0"));
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);

        await client.PostGraphQLAsync(new { query = SupplyDeals });

        Assert.False(Cached(await client.PostGraphQLAsync(new { query = SupplyDeals })));
    }
}
