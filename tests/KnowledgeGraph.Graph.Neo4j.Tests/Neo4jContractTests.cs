using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>
/// The writer and the reader against a live Neo4j (KG_NEO4J_URL, KG_NEO4J_USER, KG_NEO4J_PASSWORD, KG_NEO4J_DATABASE).
/// Each test writes under fresh ids; the class removes the graph when it ends, as the other classes of its collection do.
/// </summary>
[Collection(SharedNeo4jGraph.Name)]
public sealed class Neo4jContractTests : IAsyncLifetime
{
    private static readonly DateOnly Signed = new(2024, 1, 1);
    private static readonly DateOnly Ended = new(2025, 1, 1);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private static Neo4jQueryClient Client() => new(Neo4jTestServer.HttpClients, Neo4jTestServer.Require().Neo4j!);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Neo4jTestServer.Settings is not null)
        {
            await Neo4jTestServer.DropGraphAsync();
        }
    }

    private string Id(string name) => $"{name}-{_run}";

    /// <summary>Acme (US) supplies Beta in 2024, and names a buyer that does not exist.</summary>
    private StreamGraph Stream(long sequence, string acmeName)
    {
        var evt = new ProvenanceEvent(Id("evt"), sequence, "SupplyAgreementSigned", Signed,
            new Source("Acme signs with Beta", "Reuters", "https://example.org/acme", Signed), Id("stream"), null);
        GraphNode Org(string id, string name) => new Organization(id, Signed, [evt.EventId], name, "US", OrganizationKind.Company, [Stage.Magnet], [], []);
        GraphEdge Supply(string buyer) => new Supplies(Id("acme"), buyer, Signed, Ended, [evt.EventId], Id("deal"), "ndfeb-magnet", "magnet", DealStatus.Signed, 120.5m);
        return new StreamGraph(Id("stream"), sequence,
            [Org(Id("acme"), acmeName), Org(Id("beta"), $"Beta {_run}")],
            [
                new BasedIn(Id("acme"), "US", Signed, null, [evt.EventId]),
                Supply(Id("beta")), Supply(Id("ghost")),
            ],
            [evt], []);
    }

    [Fact]
    public async Task WrittenStreamGraph_ReadsBackThroughTheReader_WithDanglingRelationshipsRecordedAsErrors()
    {
        using var client = Client();
        var ct = TestContext.Current.CancellationToken;
        var (writer, reader) = (new Neo4jGraphWriter(client), new Neo4jGraphReader(client));
        await writer.EnsureSchemaAsync(ct);

        // Given
        await writer.WriteAsync([Stream(10, $"Acme {_run}")], ct);

        // Then nodes, relationships valid in world time, provenance and the error read back
        var orgs = await reader.NodesAsync(Labels.Organization, [Id("acme"), Id("beta")], ct);
        Assert.Equal([Id("acme"), Id("beta")], orgs.Select(o => o.Id));
        var acme = Assert.IsType<Organization>(orgs[0]);
        Assert.Equal($"Acme {_run}", acme.Name);
        Assert.Equal([Stage.Magnet], acme.Stages);
        var inForce = await reader.EdgesAsync(new EdgeQuery([Relationships.Supplies], FromIds: [Id("acme")], AsOf: new DateOnly(2024, 6, 1)), ct);
        var supply = Assert.IsType<Supplies>(Assert.Single(inForce));
        Assert.Equal((Id("beta"), Ended, 120.5m), (supply.ToId, supply.ValidTo!.Value, supply.VolumeTonnesPerYear!.Value));
        Assert.Empty(await reader.EdgesAsync(new EdgeQuery([Relationships.Supplies], FromIds: [Id("acme")], AsOf: Ended), ct));
        var evt = Assert.Single(await reader.StreamEventsAsync(Id("stream"), ct));
        Assert.Equal(("Reuters", (DateOnly?)Signed), (evt.Source.Publisher, evt.Source.PublishedAt));
        var dump = await writer.DumpAsync(ct);
        Assert.Contains(dump, line => line.StartsWith($"error|{Id("stream")}|10|{Id("evt")}|", StringComparison.Ordinal) && line.Contains(Id("ghost"), StringComparison.Ordinal));

        // And the queries the API is built on find them
        var page = await reader.OrganizationsAsync(new OrganizationFilter(Countries: ["US"], Text: _run), new DateOnly(2024, 6, 1), null, 10, ct);
        Assert.Equal((1, Id("acme")), (page.TotalCount, page.Items.Single().Id));
        Assert.Equal(Id("acme"), (await reader.SearchAsync($"acme {_run}", 0, 5, ct)).Items[0].Id);
    }

    [Fact]
    public async Task WriteAsync_ChangesNothing_WhenTheStreamWasProjectedAtALaterSequence()
    {
        using var client = Client();
        var ct = TestContext.Current.CancellationToken;
        var (writer, reader) = (new Neo4jGraphWriter(client), new Neo4jGraphReader(client));
        await writer.EnsureSchemaAsync(ct);

        // Given a stream projected up to sequence 10
        await writer.WriteAsync([Stream(10, $"Acme {_run}")], ct);

        // When an older version of it is delivered again
        await writer.WriteAsync([Stream(5, $"Renamed {_run}")], ct);

        // Then
        var acme = Assert.Single(await reader.NodesAsync(Labels.Organization, [Id("acme")], ct));
        Assert.Equal($"Acme {_run}", acme.Caption);
    }
}
