using System.Diagnostics;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>
/// Nested lists are batched: the graph statements of a request do not grow with the number of organizations, and what a
/// question already read is not read again.
/// </summary>
public class BatchingTests
{
    [Fact]
    public async Task NestedFields_CostAFewStatements_NotOnePerItem_AndWhatAQuestionReadIsNotReadAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var store = database.CreateStore())
        {
            await new EventStore.Import.Importer(store, database.ConnectionString)
                .ImportAsync(EventStore.Import.JsonLinesSource.Read(EventStore.Import.JsonLinesSource.Files(RepositoryPaths.GraphSeed)), ct: ct);
        }
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);

        var name = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        var (ten, tenStatements) = await CountGraphStatementsAsync(client, name, Organizations(10));
        var (hundred, hundredStatements) = await CountGraphStatementsAsync(client, name, Organizations(100));

        // The organizations, their supply relationships, the suppliers' nodes: a read each, whatever the page size.
        Assert.Equal((10, 100), (Count(ten, "organizations", "nodes"), Count(hundred, "organizations", "nodes")));
        Assert.InRange(tenStatements, 1, 4);
        Assert.InRange(hundredStatements, 1, 4);

        // The supply chain's statement reads both ends of every link: asking for their names reads nothing more.
        const string Chain = """supplyChain(orgId: "general-motors", depth: 3, asOf: "2025-11-01")""";
        var (bare, bareStatements) = await CountGraphStatementsAsync(client, name, $$"""{ {{Chain}} { tier links { product } } }""");
        var (named, namedStatements) = await CountGraphStatementsAsync(client, name,
            $$"""{ {{Chain}} { tier links { product supplier { id name } buyer { id name } } } }""");
        Assert.True(Count(named, "supplyChain", null) > 0, named.ToString());
        Assert.Equal(Count(bare, "supplyChain", null), Count(named, "supplyChain", null));
        Assert.Equal(bareStatements, namedStatements);
    }

    private static string Organizations(int first) =>
        $$"""{ organizations(first: {{first}}, asOf: "2025-11-01") { nodes { id suppliers { supplier { name } product } } } }""";

    private static int Count(System.Text.Json.JsonElement data, string field, string? list) =>
        (list is null ? data.GetProperty(field) : data.GetProperty(field).GetProperty(list)).GetArrayLength();

    /// <summary>
    /// Runs the query and counts the SQL statements on this test's database's graph tables that Npgsql traced meanwhile
    /// (other tests run in parallel in the same process, on their own databases).
    /// </summary>
    private static async Task<(System.Text.Json.JsonElement Data, int Statements)> CountGraphStatementsAsync(HttpClient client, string database, string query)
    {
        var statements = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var sql = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement");
                var name = activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name");
                if (sql is string text && text.Contains("kg_graph.", StringComparison.Ordinal) && Equals(name, database))
                {
                    Interlocked.Increment(ref statements);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var answer = await client.PostGraphQLAsync(new { query });
        return (answer.Body.GetProperty("data").Clone(), statements);
    }
}
