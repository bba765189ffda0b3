using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Graph.Queries;
using KnowledgeGraph.Testing;
using Marten;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Knowledge time: both clocks on every version, the same from a live projection as from a rebuild, and questions asked
/// at a knowledge point, in PostgreSQL and in Neo4j (from its history, when KG_NEO4J_URL is set).
/// </summary>
[Collection(SharedGraphStores.Name)]
public class KnowledgeTimeTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 1);

    [Theory]
    [InlineData(GraphSettings.Postgres)]
    [InlineData(GraphSettings.Neo4jStore)]
    public async Task ProjectingEachEventAsItArrives_AndRebuilding_GiveTheSameClocks(string graphStore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var graph = StoreUnderTest.Open(graphStore, database);
        var writer = graph.Writer;
        await using var store = database.CreateStore();
        await ImportAsync(store, database, "cycles.jsonl", "cycles-retractions.jsonl", "knowledge-1-recorded.jsonl", "knowledge-2-retracted.jsonl", "knowledge-3-new-agreement.jsonl",
            "attributes-1-registered.jsonl", "attributes-2-changed.jsonl", "versions-1-recorded.jsonl", "versions-2-changed.jsonl");
        await writer.ResetAsync(ct);
        await using var session = store.QuerySession();
        var all = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(ct);
        var projector = new GraphProjector(writer);

        foreach (var stored in all)
        {
            await projector.ProjectAsync([stored], session, ct);
        }
        var live = await writer.DumpAsync(ct);
        await GraphRebuild.RunAsync(store, writer, null, 7, ct);
        var rebuilt = await writer.DumpAsync(ct);

        Assert.Equal(live, rebuilt);
        var retracted = Assert.Single(live, l => l.StartsWith("edge|SUPPLIES|Organization|kanto-magnetics|", StringComparison.Ordinal));
        long Sequence(string id) => all.Single(e => EnvelopeHeaders.HasEnvelope(e) && EnvelopeHeaders.Read(e).Id == id).Sequence;
        Assert.EndsWith($"|known|{Sequence("k-sup-rotor-jp")}|{Sequence("k-retract-rotor-jp")}", retracted);
        Assert.Contains(live, l => l.StartsWith("node|Facility|lulea-plant|", StringComparison.Ordinal)
            && l.Contains("|attrs|2024-04-01|open|", StringComparison.Ordinal) && l.EndsWith("|open", StringComparison.Ordinal));
        Assert.Contains(live, l => l.StartsWith("node|Deal|fjord-baltic-oxide|", StringComparison.Ordinal)
            && l.Contains("|attrs|start|2024-07-01|", StringComparison.Ordinal) && l.EndsWith($"|known|{Sequence("v-sup-fjord-baltic-ended")}|open", StringComparison.Ordinal));
        Assert.Contains(live, l => l.StartsWith("node|Policy|se-magnet-grant|", StringComparison.Ordinal)
            && l.Contains("|attrs|2023-01-01|open|", StringComparison.Ordinal)
            && l.EndsWith($"|known|{Sequence("v-pol-grant-alloys")}|{Sequence("v-retract-grant-alloys")}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(GraphSettings.Postgres)]
    [InlineData(GraphSettings.Neo4jStore)]
    public async Task TheFlagshipQuestion_AtTheSameAsOf_AnswersForEachKnowledgePoint(string graphStore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var graph = StoreUnderTest.Open(graphStore, database);
        var (writer, reader) = (graph.Writer, graph.Reader);
        await using var store = database.CreateStore();
        var points = new List<long>();
        foreach (var file in new[] { "knowledge-1-recorded.jsonl", "knowledge-2-retracted.jsonl", "knowledge-3-new-agreement.jsonl" })
        {
            await ImportAsync(store, database, file);
            await GraphRebuild.RunAsync(store, writer, null, 100, ct);
            points.Add((await reader.KnowledgeAsync(Knowledge.All, ct)).Sequence);
        }

        var answers = new List<string>();
        foreach (var point in points)
        {
            var gaps = await FirmsLackingSupplier.RunAsync(reader.KnownAt(new Knowledge(point)),
                new FlagshipQuestion("magnet", "NATO", null, ["CN"], AsOf), ct);
            answers.Add(string.Join(",", gaps.Select(g => g.Organization.Id)));
        }
        var latest = await FirmsLackingSupplier.RunAsync(reader, new FlagshipQuestion("magnet", "NATO", null, ["CN"], AsOf), ct);

        // A request pinned to the first point reads there, and reports it, whatever was projected since.
        var pinned = reader.Pinned(points[0]);
        var pinnedAnswer = await FirmsLackingSupplier.RunAsync(pinned, new FlagshipQuestion("magnet", "NATO", null, ["CN"], AsOf), ct);

        Assert.Equal(["prairie-motors", "prairie-motors,rotor-werke", "rotor-werke"], answers);
        Assert.Equal("prairie-motors", Assert.Single(pinnedAnswer).Organization.Id);
        Assert.Equal(points[0], (await pinned.KnowledgeAsync(Knowledge.All, ct)).Sequence);
        Assert.Equal(points[1], (await pinned.KnowledgeAsync(new Knowledge(points[1]), ct)).Sequence);
        Assert.Equal("rotor-werke", Assert.Single(latest).Organization.Id);
        Assert.True(points[0] < points[1] && points[1] < points[2], string.Join(",", points));
    }

    private static async Task ImportAsync(IDocumentStore store, TestDatabase database, params string[] scenarios)
    {
        var summary = await new Importer(store, database.ConnectionString).ImportAsync(JsonLinesSource.Read(scenarios.Select(GraphFixture.ScenarioFile)));
        Assert.Empty(summary.Rejections);
    }
}
