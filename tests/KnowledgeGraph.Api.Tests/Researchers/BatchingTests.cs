using System.Diagnostics;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>Nested lists are batched: the graph statements of a request do not grow with the number of organizations.</summary>
public class BatchingTests
{
    [Fact]
    public async Task HundredOrganizationsWithTheirSuppliers_CostAFewStatements_NotOnePerOrganization()
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
        var (ten, tenStatements) = await CountGraphStatementsAsync(client, name, 10);
        var (hundred, hundredStatements) = await CountGraphStatementsAsync(client, name, 100);

        // The organizations, their supply relationships, the suppliers' nodes: a read each, whatever the page size.
        Assert.Equal((10, 100), (ten, hundred));
        Assert.InRange(tenStatements, 1, 4);
        Assert.InRange(hundredStatements, 1, 4);
    }

    /// <summary>
    /// Runs the query and counts the SQL statements on this test's database's graph tables that Npgsql traced meanwhile
    /// (other tests run in parallel in the same process, on their own databases).
    /// </summary>
    private static async Task<(int Organizations, int Statements)> CountGraphStatementsAsync(HttpClient client, string database, int first)
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
        var answer = await client.PostGraphQLAsync(new
        {
            query = $$"""{ organizations(first: {{first}}, asOf: "2025-11-01") { nodes { id suppliers { supplier { name } product } } } }""",
        });
        var count = answer.Body.GetProperty("data").GetProperty("organizations").GetProperty("nodes").GetArrayLength();
        return (count, statements);
    }
}
