using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// The supply-chain scenario (or the files a subclass names) projected into every reachable graph store: PostgreSQL
/// always, Neo4j when KG_NEO4J_URL is set. A test asks for an adapter by name; an unreachable one is reported as
/// skipped. Its classes belong to <see cref="SharedGraphStores"/>: the Neo4j graph is replaced for each and removed after it.
/// </summary>
public class ScenarioGraphs : IAsyncLifetime
{
    /// <summary>The PostgreSQL store through its simple reads only: the questions' default implementations.</summary>
    public const string Composed = "composed";

    private readonly string[] _files;
    private readonly TestDatabase _database = new();
    private NpgsqlDataSource? _dataSource;
    private IGraphReader? _postgres;
    private IGraphReader? _neo4j;

    public ScenarioGraphs()
        : this("supply-chain.jsonl")
    {
    }

    /// <summary>A fixture has one public constructor, so the files of another scenario come through this one.</summary>
    protected ScenarioGraphs(params string[] files) => _files = files;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var (writer, reader, dataSource) = GraphFixture.Postgres(_database);
        (_dataSource, _postgres) = (dataSource, reader);
        await GraphFixture.ImportAndProjectAsync(_database, writer, [.. _files.Select(GraphFixture.ScenarioFile)]);
        if (Neo4jTestServer.Settings is not null)
        {
            await using var store = _database.CreateStore();
            await GraphRebuild.RunAsync(store, Neo4jTestServer.Writer(dataSource), null, 100, CancellationToken.None);
            _neo4j = Neo4jTestServer.Reader(dataSource);
        }
    }

    public IGraphReader Reader(string adapter)
    {
        if (adapter == GraphSettings.Neo4jStore)
        {
            Assert.SkipWhen(_neo4j is null, Neo4jTestServer.NotSet);
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
        if (_neo4j is not null)
        {
            await Neo4jTestServer.DropGraphAsync();
        }
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The versions scenario (a policy enacted 2021-01-01, a deal signed 2022-03-01, both changed later) in every reachable store.</summary>
public sealed class VersionGraphs : ScenarioGraphs
{
    public VersionGraphs()
        : base("versions-1-recorded.jsonl", "versions-2-changed.jsonl")
    {
    }
}
