using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>Idempotence: a replay of every event, twice, and a rebuild end in exactly the same graph.</summary>
public class ProjectionReplayTests
{
    [Theory]
    [InlineData("graph-seed")]
    [InlineData("scenario")]
    public async Task ReplayingAllEventsTwice_AndRebuilding_GiveTheSameDump(string events)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (writer, _, dataSource) = GraphFixture.Postgres(database);
        await using var __ = dataSource;
        await GraphFixture.ImportAndProjectAsync(database, writer,
            events == "scenario" ? GraphFixture.ScenarioFile("supply-chain.jsonl") : RepositoryPaths.GraphSeed);
        var first = await writer.DumpAsync(ct);
        await using var store = database.CreateStore();
        await using var session = store.QuerySession();
        var all = await Marten.QueryableExtensions.ToListAsync(session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence), ct);
        var projector = new GraphProjector(writer);

        await projector.ProjectAsync(all, session, ct);
        await projector.ProjectAsync(all.Take(all.Count / 2).ToList(), session, ct);
        var replayed = await writer.DumpAsync(ct);
        await GraphRebuild.RunAsync(store, writer, null, 7, ct);
        var rebuilt = await writer.DumpAsync(ct);

        Assert.True(first.Count > 300, $"the dump has {first.Count} lines");
        Assert.Equal(first, replayed);
        Assert.Equal(first, rebuilt);
    }
}
