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

    /// <summary>The versioned streams of <see cref="VersionedStreams"/>, written at sequences no other test of the collection uses.</summary>
    private async Task<(Neo4jGraphReader Reader, Neo4jGraphWriter Writer, VersionedStreams Streams)> VersionedAsync(Neo4jQueryClient client, CancellationToken ct)
    {
        var (writer, reader) = (new Neo4jGraphWriter(client), new Neo4jGraphReader(client));
        await writer.EnsureSchemaAsync(ct);
        var streams = new VersionedStreams($"-{_run}", 7_000_000);
        await writer.WriteAsync([streams.BetaStream(), streams.AcmeStream(), streams.DealStream()], ct);
        return (reader, writer, streams);
    }

    private static async Task<string> NameAsync(IGraphReader reader, string id, CancellationToken ct) =>
        ((Organization)Assert.Single(await reader.NodesAsync(Labels.Organization, [id], ct))).Name;

    [Fact]
    public async Task AnAttributeAtAPastDate_IsTheOneThatHeldThen_AndTheLatestOneFromItsChange()
    {
        using var client = Client();
        var ct = TestContext.Current.CancellationToken;
        var (reader, _, streams) = await VersionedAsync(client, ct);

        // Then Acme is named as it was at each date, through a read and through a question
        Assert.Equal("Acme Oxides", await NameAsync(reader.AttributesAsOf(new DateOnly(2023, 6, 1)), streams.Acme, ct));
        Assert.Equal("Acme Oxides", await NameAsync(reader.AttributesAsOf(new DateOnly(2015, 1, 1)), streams.Acme, ct));
        Assert.Equal("Acme Rare Earths", await NameAsync(reader.AttributesAsOf(VersionedStreams.Renamed), streams.Acme, ct));
        Assert.Equal("Acme Rare Earths", await NameAsync(reader, streams.Acme, ct));
        Assert.Equal("Acme Oxides", ((Organization)(await reader.AttributesAsOf(new DateOnly(2023, 6, 1)).NodeAsync(streams.Acme, ct))!).Name);
        Assert.Equal(0, (await reader.AttributesAsOf(new DateOnly(2023, 6, 1)).SearchAsync("acme rare earths", 0, 5, ct)).TotalCount);
        Assert.NotEqual(0, (await reader.SearchAsync("acme rare earths", 0, 5, ct)).TotalCount);
    }

    [Fact]
    public async Task ARelationshipAndAnAttribute_AtEarlierKnowledgePoints_AreWhatWasBelievedThen_AfterTheRetraction()
    {
        using var client = Client();
        var ct = TestContext.Current.CancellationToken;
        var (reader, _, streams) = await VersionedAsync(client, ct);
        async Task<string> SupplyAsync(IGraphReader r) => string.Join(",", (await r.SupplyLinksAsync(streams.Beta, null, null, new DateOnly(2025, 6, 1), ct))
            .Select(l => l.Supplier.Id));

        // Then before the agreement, while it was believed, and after its retraction
        Assert.Equal("", await SupplyAsync(reader.KnownAt(new Knowledge(streams.Seq(1)))));
        Assert.Equal(streams.Acme, await SupplyAsync(reader.KnownAt(new Knowledge(streams.Seq(2)))));
        Assert.Equal(streams.Acme, await SupplyAsync(reader.KnownAt(new Knowledge(streams.Seq(3)))));
        Assert.Equal("", await SupplyAsync(reader.KnownAt(new Knowledge(streams.Seq(4)))));
        Assert.Equal("", await SupplyAsync(reader));
        Assert.Single(await reader.KnownAt(new Knowledge(streams.Seq(2))).EdgesAsync(new EdgeQuery([Relationships.Supplies], FromIds: [streams.Acme]), ct));

        // And the rename, recorded at the third point, is not known at the second, whatever the date
        Assert.Equal("Acme Oxides", await NameAsync(reader.KnownAt(new Knowledge(streams.Seq(2))).AttributesAsOf(new DateOnly(2025, 6, 1)), streams.Acme, ct));
        Assert.Equal("Acme Rare Earths", await NameAsync(reader.KnownAt(new Knowledge(streams.Seq(3))).AttributesAsOf(new DateOnly(2025, 6, 1)), streams.Acme, ct));
        Assert.Equal("Acme Oxides", await NameAsync(reader.KnownAt(new Knowledge(streams.Seq(3))).AttributesAsOf(new DateOnly(2023, 6, 1)), streams.Acme, ct));

        // And the agreement's event is known retracted only from the retraction's point
        var signedId = $"sup-{_run}";
        Assert.Null(Assert.Single(await reader.KnownAt(new Knowledge(streams.Seq(3))).EventsAsync([signedId], ct)).RetractedBy);
        Assert.Equal($"retract-sup-{_run}", Assert.Single(await reader.KnownAt(new Knowledge(streams.Seq(4))).EventsAsync([signedId], ct)).RetractedBy);
        Assert.Empty(await reader.KnownAt(new Knowledge(streams.Seq(1))).EventsAsync([signedId], ct));
    }

    [Fact]
    public async Task KnownAtAnInstant_ResolvesToTheLastSequenceRecordedAtOrBeforeIt()
    {
        using var client = Client();
        var ct = TestContext.Current.CancellationToken;
        var (reader, _, streams) = await VersionedAsync(client, ct);

        // When instants between the recordings are asked for
        var justAfterTheSigning = await reader.KnowledgeAsync(new Knowledge(At: VersionedStreams.RecordedAt(2).AddSeconds(30)), ct);
        var atTheRename = await reader.KnowledgeAsync(new Knowledge(At: VersionedStreams.RecordedAt(3).ToOffset(TimeSpan.FromHours(-5))), ct);

        // Then
        Assert.Equal(new KnowledgePoint(streams.Seq(2), VersionedStreams.RecordedAt(2)), justAfterTheSigning);
        Assert.Equal(new KnowledgePoint(streams.Seq(3), VersionedStreams.RecordedAt(3)), atTheRename);
        var atTheSigning = reader.KnownAt(new Knowledge(At: VersionedStreams.RecordedAt(2).AddSeconds(30)));
        Assert.Equal(streams.Acme, Assert.Single(await atTheSigning.EdgesAsync(new EdgeQuery([Relationships.Supplies], FromIds: [streams.Acme]), ct)).FromId);
    }

    [Fact]
    public async Task TheDump_HasOneLinePerVersion_WithBothClocks()
    {
        using var client = Client();
        var ct = TestContext.Current.CancellationToken;
        var (_, writer, streams) = await VersionedAsync(client, ct);

        var dump = await writer.DumpAsync(ct);

        var acme = dump.Where(l => l.StartsWith($"node|Organization|{streams.Acme}|", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, acme.Count);
        Assert.Contains(acme, l => l.Contains("|attrs|start|open|", StringComparison.Ordinal) && l.EndsWith($"|known|{streams.Seq(1)}|{streams.Seq(3)}", StringComparison.Ordinal));
        Assert.Contains(acme, l => l.Contains("|attrs|start|2024-04-01|", StringComparison.Ordinal) && l.EndsWith($"|known|{streams.Seq(3)}|open", StringComparison.Ordinal));
        Assert.Contains(acme, l => l.Contains("|attrs|2024-04-01|open|", StringComparison.Ordinal) && l.EndsWith($"|known|{streams.Seq(3)}|open", StringComparison.Ordinal));
        Assert.Single(dump, l => l.StartsWith($"edge|SUPPLIES|Organization|{streams.Acme}|", StringComparison.Ordinal)
            && l.EndsWith($"|known|{streams.Seq(2)}|{streams.Seq(4)}", StringComparison.Ordinal));
        Assert.Contains(dump, l => l.StartsWith("node|Country|US|", StringComparison.Ordinal));
    }
}
