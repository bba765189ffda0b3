using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// The supply-chain scenario projected into every reachable graph store: PostgreSQL always, Neo4j when
/// KG_NEO4J_URL is set. A test asks for an adapter by name; an unreachable one is reported as skipped.
/// </summary>
public sealed class ScenarioGraphs : IAsyncLifetime
{
    /// <summary>The PostgreSQL store through its simple reads only: the questions' default implementations.</summary>
    public const string Composed = "composed";

    public const string NoNeo4j = "KG_NEO4J_URL is not set: no Neo4j server here, the Neo4j contract tests need one";

    private readonly TestDatabase _database = new();
    private NpgsqlDataSource? _dataSource;
    private IGraphReader? _postgres;
    private IGraphReader? _neo4j;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var (writer, reader, dataSource) = GraphFixture.Postgres(_database);
        (_dataSource, _postgres) = (dataSource, reader);
        await GraphFixture.ImportAndProjectAsync(_database, writer, GraphFixture.ScenarioFile("supply-chain.jsonl"));
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KG_NEO4J_URL")))
        {
            var settings = GraphSettings.From(Environment.GetEnvironmentVariable) with { Store = GraphSettings.Neo4jStore };
            await using var store = _database.CreateStore();
            await GraphRebuild.RunAsync(store, GraphSetup.CreateWriter(settings, dataSource), null, 100, CancellationToken.None);
            _neo4j = GraphSetup.CreateReader(settings, dataSource);
        }
    }

    public IGraphReader Reader(string adapter)
    {
        if (adapter == GraphSettings.Neo4jStore)
        {
            Assert.SkipWhen(_neo4j is null, NoNeo4j);
        }
        return adapter switch
        {
            GraphSettings.Neo4jStore => _neo4j!,
            Composed => new ComposedReader(_postgres!),
            _ => _postgres!,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await _database.DisposeAsync();
    }
}
