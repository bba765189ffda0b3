using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Graph.Queries;
using KnowledgeGraph.Testing;
using Marten;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// A node that disappears (its registration retracted) after another stream related to it, then is registered again:
/// each batch boundary gives the graph of one batch, and both stores the same rows. PostgreSQL always; Neo4j (compared
/// with PostgreSQL) when KG_NEO4J_URL is set.
/// </summary>
[Collection(SharedGraphStores.Name)]
public class RetractedRegistrationTests
{
    private static readonly DateOnly Mid2025 = new(2025, 6, 1);

    [Theory]
    [InlineData(GraphSettings.Postgres)]
    [InlineData(GraphSettings.Neo4jStore)]
    public async Task ARetractedThenReRegisteredNode_GetsItsRelationshipsBack_WhereverTheBatchesSplit(string store)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (postgres, postgresReader, dataSource) = GraphFixture.Postgres(database);
        await using var __ = dataSource;
        var (writer, reader) = store == GraphSettings.Neo4jStore
            ? (Neo4jTestServer.Writer(dataSource), Neo4jTestServer.Reader(dataSource))
            : ((IGraphWriter)postgres, (IGraphReader)postgresReader);
        // Three imports, so that the retraction and the new registration come after the agreement in store order.
        foreach (var file in new[] { "retracted-registration.jsonl", "retracted-registration-later.jsonl", "retracted-registration-again.jsonl" })
        {
            await GraphFixture.ImportAndProjectAsync(database, postgres, GraphFixture.ScenarioFile(file));
        }
        var reference = await postgres.DumpAsync(ct);
        await using var events = database.CreateStore();
        await using var session = events.QuerySession();
        var all = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(ct);
        var projector = new GraphProjector(writer);

        try
        {
            // Given the agreement projected while its buyer existed, then the retraction of the buyer's registration
            await writer.ResetAsync(ct);
            await projector.ProjectAsync(all.Take(3).ToList(), session, ct);
            await projector.ProjectAsync([all[3]], session, ct);

            // Then the buyer is gone, and no question finds the agreement
            Assert.Null(await reader.NodeAsync("beta", ct));
            Assert.Empty(await SupplyRelations.CustomersAsync(reader, "alpha", null, Mid2025, ct));
            Assert.Empty((await GraphPaths.NeighboursAsync(reader, "alpha", [Relationships.Supplies], true, true, Mid2025, 0, 20, ct)).Items);

            // When the buyer is registered again, in a batch of its own
            await projector.ProjectAsync(all.Skip(4).ToList(), session, ct);

            // Then the agreement is back, and the graph is the one of an uninterrupted projection (in PostgreSQL)
            Assert.Equal(["beta"], (await SupplyRelations.CustomersAsync(reader, "alpha", null, Mid2025, ct)).Select(l => l.Buyer.Id));
            Assert.Equal(reference, await writer.DumpAsync(ct));
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
