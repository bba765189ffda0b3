using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;
using Marten;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// A node that disappears (its registration retracted) after another stream related to it: every store ends with the
/// graph of one batch, wherever the batches split. PostgreSQL always; Neo4j when KG_NEO4J_URL is set.
/// </summary>
[Collection(SharedGraphStores.Name)]
public class RetractedRegistrationTests
{
    [Theory]
    [InlineData(GraphSettings.Postgres)]
    [InlineData(GraphSettings.Neo4jStore)]
    public async Task ARetractionInALaterBatch_RemovesTheOtherStreamsRelationship_AsOneBatchWould(string store)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (postgres, _, dataSource) = GraphFixture.Postgres(database);
        await using var __ = dataSource;
        var writer = store == GraphSettings.Neo4jStore ? Neo4jTestServer.Writer(dataSource) : postgres;
        // The retraction is recorded after the agreement (a later import), so it comes last in store order.
        await GraphFixture.ImportAndProjectAsync(database, postgres, GraphFixture.ScenarioFile("retracted-registration.jsonl"));
        await GraphFixture.ImportAndProjectAsync(database, postgres, GraphFixture.ScenarioFile("retracted-registration-later.jsonl"));
        await using var events = database.CreateStore();
        await using var session = events.QuerySession();
        var all = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(ct);
        var projector = new GraphProjector(writer);

        try
        {
            // Given the agreement projected while its buyer existed, then the retraction of the buyer's registration
            await writer.ResetAsync(ct);
            await projector.ProjectAsync(all.Take(all.Count - 1).ToList(), session, ct);
            await projector.ProjectAsync(all.Skip(all.Count - 1).ToList(), session, ct);
            var split = await writer.DumpAsync(ct);

            // When the same events are projected in one batch
            await writer.ResetAsync(ct);
            await projector.ProjectAsync(all, session, ct);
            var oneBatch = await writer.DumpAsync(ct);

            // Then the graphs are equal: no relationship to the missing buyer, and the agreement's error
            Assert.Equal(oneBatch, split);
            Assert.DoesNotContain(split, line => line.StartsWith("edge|SUPPLIES|", StringComparison.Ordinal));
            Assert.DoesNotContain(split, line => line.StartsWith("node|Organization|beta|", StringComparison.Ordinal));
            var errors = split.Where(line => line.StartsWith("error|", StringComparison.Ordinal)).Select(e => e[e.IndexOf("|sup-", StringComparison.Ordinal)..]);
            Assert.Equal(
            [
                "|sup-alpha-beta|PARTY_TO from Organization 'beta' to Deal 'alpha-beta' names a node that does not exist",
                "|sup-alpha-beta|SUPPLIES from Organization 'alpha' to Organization 'beta' names a node that does not exist",
            ], errors);
            Assert.Equal(2, (await writer.StatusAsync(ct)).Errors);
        }
        finally
        {
            if (store == GraphSettings.Neo4jStore)
            {
                await Neo4jTestServer.DropGraphAsync();
            }
        }
    }
}
