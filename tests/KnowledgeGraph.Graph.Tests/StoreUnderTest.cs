using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// The graph store a test names, over the test's database: PostgreSQL, or Neo4j (the test is skipped when KG_NEO4J_URL is
/// not set). Disposed, it removes the Neo4j graph, as the other classes of <see cref="SharedGraphStores"/> do, and closes the data source.
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly string _graphStore;

    private StoreUnderTest(string graphStore, IGraphWriter writer, IGraphReader reader, NpgsqlDataSource dataSource) =>
        (_graphStore, Writer, Reader, DataSource) = (graphStore, writer, reader, dataSource);

    public IGraphWriter Writer { get; }

    public IGraphReader Reader { get; }

    public NpgsqlDataSource DataSource { get; }

    public static StoreUnderTest Open(string graphStore, TestDatabase database)
    {
        var neo4j = graphStore == GraphSettings.Neo4jStore;
        if (neo4j)
        {
            Neo4jTestServer.Require();
        }
        var (postgres, reader, dataSource) = GraphFixture.Postgres(database);
        return neo4j
            ? new StoreUnderTest(graphStore, Neo4jTestServer.Writer(dataSource), Neo4jTestServer.Reader(dataSource), dataSource)
            : new StoreUnderTest(graphStore, postgres, reader, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        if (_graphStore == GraphSettings.Neo4jStore)
        {
            await Neo4jTestServer.DropGraphAsync();
        }
        await DataSource.DisposeAsync();
    }
}
