using System.Text.Json.Nodes;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>Explicit transactions of the Query API: open, run, commit or roll back, and run again as a whole on a transient failure.</summary>
public sealed class Neo4jTransactionTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeQueryApi.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Neo4jQueryClient Client() => new(new Neo4jSettings(_server.Url, "neo4j", "verysecret", "neo4j"), Neo4jQueryClientTests.Fast);

    private static async Task<int> TwoStatements(Neo4jTransaction tx, CancellationToken ct)
    {
        await tx.RunAsync("CREATE (:Probe {n: $n})", new JsonObject { ["n"] = 1 }, ct);
        await tx.RunAsync("CREATE (:Probe {n: $n})", new JsonObject { ["n"] = 2 }, ct);
        return 2;
    }

    [Fact]
    public async Task RunInTransaction_OpensRunsAndCommits_ReplayingTheClusterAffinity()
    {
        // Given a server that opens transaction "lyU" on a cluster member
        _server.ThenJson(202, QueryApiSamples.InTransaction("lyU"), QueryApiSamples.Affinity)
            .ThenJson(202, QueryApiSamples.InTransaction("lyU"), QueryApiSamples.Affinity)
            .ThenJson(202, QueryApiSamples.Committed, QueryApiSamples.Affinity);
        using var client = Client();

        // When
        await client.RunInTransactionAsync(TwoStatements, TestContext.Current.CancellationToken);

        // Then the statements and the commit went to that transaction, on that member
        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx", null), ("POST", "/db/neo4j/query/v2/tx/lyU", QueryApiSamples.Affinity),
             ("POST", "/db/neo4j/query/v2/tx/lyU/commit", QueryApiSamples.Affinity)],
            _server.Requests.Select(r => (r.Method, r.Path, r.Affinity)));
        Assert.Equal(2, JsonNode.Parse(_server.Requests[1].Body)!["parameters"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task RunInTransaction_RollsBackAndDoesNotRetry_WhenAStatementFailsWithAClientError()
    {
        // Given a second statement that Neo4j rejects
        _server.ThenJson(202, QueryApiSamples.InTransaction("lyU"), QueryApiSamples.Affinity)
            .ThenJson(400, QueryApiSamples.SyntaxError)
            .ThenJson(202, QueryApiSamples.Committed);
        using var client = Client();

        // When
        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.RunInTransactionAsync(TwoStatements, TestContext.Current.CancellationToken));

        // Then the transaction is rolled back and nothing is tried again
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal(
            [("POST", "/db/neo4j/query/v2/tx"), ("POST", "/db/neo4j/query/v2/tx/lyU"), ("DELETE", "/db/neo4j/query/v2/tx/lyU")],
            _server.Requests.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public async Task RunInTransaction_RunsTheWholeTransactionAgain_WhenItsCommitFailsTransiently()
    {
        // Given a commit that fails with a 503, then a second transaction that commits
        _server.ThenJson(202, QueryApiSamples.InTransaction("first"))
            .ThenJson(202, QueryApiSamples.InTransaction("first"))
            .ThenJson(503, QueryApiSamples.Unavailable)
            .ThenJson(202, QueryApiSamples.Committed)
            .ThenJson(202, QueryApiSamples.InTransaction("second"))
            .ThenJson(202, QueryApiSamples.InTransaction("second"))
            .ThenJson(202, QueryApiSamples.Committed);
        using var client = Client();
        var runs = 0;

        // When
        await client.RunInTransactionAsync(async (tx, ct) => { runs++; return await TwoStatements(tx, ct); }, TestContext.Current.CancellationToken);

        // Then the first is rolled back and the work runs again from the start in a new transaction
        Assert.Equal(2, runs);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/first", "POST /db/neo4j/query/v2/tx/first/commit",
             "DELETE /db/neo4j/query/v2/tx/first",
             "POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/second", "POST /db/neo4j/query/v2/tx/second/commit"],
            _server.Requests.Select(r => $"{r.Method} {r.Path}"));
    }
}
