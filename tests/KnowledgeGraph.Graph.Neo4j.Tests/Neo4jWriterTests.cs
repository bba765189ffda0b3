using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>What the Neo4j writer sends for a projection batch, over real HTTP to the Query API fake.</summary>
public sealed class Neo4jWriterTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeQueryApi.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Acme supplies Beta, which exists, and Ghost, which names an unknown label.</summary>
    internal static StreamGraph Batch()
    {
        var evt = new ProvenanceEvent("evt-1", 7, "SupplyAgreementSigned", new DateOnly(2024, 1, 1), new Source("Acme signs", "Reuters"), "deal:acme-beta", null);
        GraphEdge Supply(string toLabel, string to) => new Supplies("acme", to, new DateOnly(2024, 1, 1), null, ["evt-1"],
            "acme-beta", "ndfeb-magnet", "magnet", DealStatus.Signed, null)
        { ToLabel = toLabel };
        return new StreamGraph("deal:acme-beta", 7,
            [new SupplyAgreement("acme-beta", new DateOnly(2024, 1, 1), ["evt-1"], DealStatus.Signed, "acme", "beta", "ndfeb-magnet", "magnet", null, null, null, null, null)],
            [Supply(Labels.Organization, "beta"), Supply("Planet", "ghost")], [evt], []);
    }

    [Fact]
    public async Task WriteAsync_SendsTheBatchAsOneAutoCommitStatement_WithEveryValueAParameter()
    {
        // Given a server that accepts the batch
        _server.ThenJson(202, QueryApiSamples.Fresh(1));
        using var client = new Neo4jQueryClient(Neo4jTestServer.HttpClients, _server.Settings(), Neo4jQueryClientTests.Fast);

        // When
        await new Neo4jGraphWriter(client).WriteAsync([Batch()], TestContext.Current.CancellationToken);

        // Then one request, to the auto-commit endpoint, carrying the claim, the rows and the dangling edge as an error row
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        var body = JsonNode.Parse(request.Body)!;
        var statement = body["statement"]!.GetValue<string>();
        Assert.StartsWith("UNWIND $streams AS claim", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", statement, StringComparison.Ordinal);
        var parameters = body["parameters"]!;
        Assert.Equal("""[{"stream":"deal:acme-beta","seq":7}]""", parameters["streams"]!.ToJsonString());
        Assert.Equal("beta", parameters["relationships"]!["SUPPLIES"]!["Organization"]!["Organization"]![0]!["toId"]!.GetValue<string>());
        var error = Assert.Single(parameters["errors"]!.AsArray())!;
        Assert.Equal(("evt-1", 7), (error["eventId"]!.GetValue<string>(), error["seq"]!.GetValue<int>()));
        Assert.Contains("'ghost' names a node that does not exist", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetAsync_DeletesOnlyThisGraphsLabels()
    {
        // Given a server that has nothing left to delete, then accepts the schema
        _server.ThenJson(202, """{"data":{"fields":["deleted"],"values":[[0]]}}""").Always(202, QueryApiSamples.Fresh(0));
        using var client = new Neo4jQueryClient(Neo4jTestServer.HttpClients, _server.Settings(), Neo4jQueryClientTests.Fast);

        // When
        await new Neo4jGraphWriter(client).ResetAsync(TestContext.Current.CancellationToken);

        // Then the delete names the graph's labels, never every node of the database
        var delete = JsonNode.Parse(_server.Requests[0].Body)!["statement"]!.GetValue<string>();
        Assert.StartsWith("MATCH (n:Organization|Facility|Country|Bloc|Product|Category|Deal|Policy|Vanished|Event|Stream|ProjectionError|NodeVersion|EdgeVersion|GraphClock)", delete, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureSchemaAsync_DropsAGraphProjectedWithoutItsHistory_BeforeCreatingTheSchema()
    {
        // Given a graph that holds streams and no version of theirs, and nothing left to delete after one batch
        _server.ThenJson(202, """{"data":{"fields":["stream"],"values":[["org:acme"]]}}""")
            .ThenJson(202, """{"data":{"fields":["deleted"],"values":[[12]]}}""")
            .ThenJson(202, """{"data":{"fields":["deleted"],"values":[[0]]}}""")
            .Always(202, QueryApiSamples.Fresh(0));
        using var client = new Neo4jQueryClient(Neo4jTestServer.HttpClients, _server.Settings(), Neo4jQueryClientTests.Fast);

        // When
        await new Neo4jGraphWriter(client).EnsureSchemaAsync(TestContext.Current.CancellationToken);

        // Then the check, the deletes until none is left, then the schema and the static graph with its versions
        var statements = _server.Requests.Select(r => JsonNode.Parse(r.Body)!["statement"]!.GetValue<string>()).ToList();
        Assert.Equal([Cypher.HistoryMissing, Cypher.DeleteSomeNodes, Cypher.DeleteSomeNodes], statements[..3]);
        Assert.Equal(Cypher.UpsertEdgeVersions, statements[^1]);
        Assert.Contains(Cypher.NodeVersionIsUnique, statements);
    }
}
