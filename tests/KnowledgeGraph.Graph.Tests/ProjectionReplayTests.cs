using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Idempotence: a replay of every event, twice, and a rebuild end in exactly the same graph, in every store; and the
/// Neo4j graph is PostgreSQL's, line for line (Neo4j when KG_NEO4J_URL is set).
/// </summary>
[Collection(SharedGraphStores.Name)]
public class ProjectionReplayTests
{
    [Theory]
    [InlineData("graph-seed", GraphSettings.Postgres)]
    [InlineData("scenario", GraphSettings.Postgres)]
    [InlineData("graph-seed", GraphSettings.Neo4jStore)]
    [InlineData("scenario", GraphSettings.Neo4jStore)]
    public async Task ReplayingAllEventsTwice_AndRebuilding_GiveTheSameDump(string events, string graphStore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (postgres, _, dataSource) = GraphFixture.Postgres(database);
        await using var __ = dataSource;
        var writer = graphStore == GraphSettings.Neo4jStore ? Neo4jTestServer.Writer(dataSource) : postgres;
        try
        {
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
            await GraphRebuild.RunAsync(store, postgres, null, 100, ct);
            var inPostgres = await postgres.DumpAsync(ct);

            Assert.True(first.Count > 300, $"the dump has {first.Count} lines");
            Assert.Equal(first, replayed);
            Assert.Equal(first, rebuilt);
            Assert.Equal(inPostgres, first);
        }
        finally
        {
            if (graphStore == GraphSettings.Neo4jStore)
            {
                await Neo4jTestServer.DropGraphAsync();
            }
        }
    }
}
