using System.Globalization;
using System.Net;
using System.Text.Json;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>
/// Sixteen clients asking the most expensive question allowed (a shortest path of 8 hops that finds nothing, so the
/// search visits the whole graph) through a gate that lets one expensive question run at a time, while one client asks
/// a trivial lookup: every expensive question is answered or refused as busy with the documented error, none fails
/// otherwise, and every lookup is answered, since a cheap question never waits at the gate. Counts, not times: how
/// long the lookup takes under that load, with and without the gate, is figure 3n of the bench.
/// </summary>
public class CostLoadTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const int Clients = 16;
    private const int QuestionsPerClient = 4;
    private const int Lookups = 40;
    private const int ExpensiveCost = 1000;
    private const string Expensive = """{ shortestPath(from: "yantai-capital-1", to: "AQ", maxHops: 8) { length } }""";
    private const string Trivial = """{ organization(id: "yantai-capital-1") { id name } }""";

    // All clients share the loopback address: the budget and the request rate limit are set out of the way, and the
    // answer cache is off (the load asks one question over and over), so that the gate alone decides.
    private static readonly Dictionary<string, string> Gated = new()
    {
        ["KG_ANSWER_CACHE_MB"] = "0",
        ["KG_COST_BUDGET_PER_MINUTE"] = "100000000",
        ["KG_RATE_LIMIT_PER_MINUTE"] = "100000000",
        ["KG_GRAPHQL_EXPENSIVE_CONCURRENCY"] = "1",
        // The shipped timeout: a question waits at the gate half of it before it is refused busy.
        ["KG_GRAPHQL_TIMEOUT_SECONDS"] = "10",
        ["KG_GRAPHQL_EXPENSIVE_COST"] = ExpensiveCost.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ExpensiveQuestions_AreAnsweredOrRefusedBusy_AndEveryLookupIsAnswered_UnderSixteenClients()
    {
        // Given a synthetic graph of 300 organizations, served with a gate of one expensive question at a time
        await ImportSyntheticGraphAsync();
        await using var server = new ApiServer<Program>(database.ConnectionString, Gated);
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, TestContext.Current.CancellationToken);

        // When sixteen clients ask the expensive question four times each, while one client keeps asking the lookup
        // until they are done (and at least 40 times)
        var load = Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            using var asker = server.CreateHttpClient();
            var answers = new List<GraphQLAnswer>();
            for (var i = 0; i < QuestionsPerClient; i++)
            {
                answers.Add(await asker.PostGraphQLAsync(new { query = Expensive }));
            }
            return answers;
        })));
        var lookups = new List<GraphQLAnswer>();
        while (!load.IsCompleted || lookups.Count < Lookups)
        {
            lookups.Add(await client.PostGraphQLAsync(new { query = Trivial }));
        }
        var expensive = (await load).SelectMany(a => a).ToList();

        // Then every lookup was answered, as a question below the gate's cost
        Assert.All(lookups, lookup =>
        {
            Assert.Equal(HttpStatusCode.OK, lookup.Status);
            Assert.Equal("yantai-capital-1", lookup.Body.GetProperty("data").GetProperty("organization").GetProperty("id").GetString());
            Assert.True(Requested(lookup) < ExpensiveCost, $"the lookup costs {Requested(lookup)}, at or above KG_GRAPHQL_EXPENSIVE_COST");
        });
        // And every expensive question was answered (no path) or refused busy, naming the setting and when to come back
        var answered = expensive.Where(a => a.Status == HttpStatusCode.OK).ToList();
        var busy = expensive.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.Equal(Clients * QuestionsPerClient, answered.Count + busy.Count);
        Assert.NotEmpty(answered);
        Assert.All(answered, a =>
        {
            Assert.Equal(JsonValueKind.Null, a.Body.GetProperty("data").GetProperty("shortestPath").ValueKind);
            Assert.True(Requested(a) >= ExpensiveCost, $"the expensive question costs {Requested(a)}, below KG_GRAPHQL_EXPENSIVE_COST");
        });
        Assert.All(busy, b =>
        {
            Assert.Equal("BUSY", b.FirstErrorCode);
            Assert.Contains("KG_GRAPHQL_EXPENSIVE_CONCURRENCY", b.FirstErrorMessage, StringComparison.Ordinal);
            Assert.NotNull(b.Response.Headers.RetryAfter?.Delta);
        });
    }

    private static double Requested(GraphQLAnswer answer) =>
        answer.Body.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble();

    private async Task ImportSyntheticGraphAsync()
    {
        var generated = await KgProcess.RunAsync(database.ConnectionString, "generate", "--orgs", "300", "--seed", "7");
        Assert.Equal(0, generated.ExitCode);
        var file = Path.Combine(Path.GetTempPath(), $"kg-load-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, generated.Output, TestContext.Current.CancellationToken);
        try
        {
            var import = await KgProcess.RunAsync(database.ConnectionString, "import", file);
            Assert.True(import.ExitCode == 0, import.Errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
