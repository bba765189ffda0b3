using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>The cycles scenario projected twice: without and with its retractions, each in its own database.</summary>
public sealed class CycleGraphs : IAsyncLifetime
{
    private readonly TestDatabase _before = new();
    private readonly TestDatabase _after = new();
    private readonly List<NpgsqlDataSource> _sources = [];

    public IGraphReader Before { get; private set; } = null!;

    public IGraphReader After { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Before = await ProjectAsync(_before, "cycles.jsonl");
        After = await ProjectAsync(_after, "cycles.jsonl", "cycles-retractions.jsonl");
    }

    private async Task<IGraphReader> ProjectAsync(TestDatabase database, params string[] files)
    {
        await database.InitializeAsync();
        var (writer, reader, dataSource) = GraphFixture.Postgres(database);
        _sources.Add(dataSource);
        await GraphFixture.ImportAndProjectAsync(database, writer, [.. files.Select(GraphFixture.ScenarioFile)]);
        return reader;
    }

    /// <summary>The store's own answers, or the port's composed defaults over the same store.</summary>
    public IGraphReader Reader(bool afterRetractions, string adapter)
    {
        var reader = afterRetractions ? After : Before;
        return adapter == ScenarioGraphs.Composed ? new ComposedReader(reader) : reader;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
        await _before.DisposeAsync();
        await _after.DisposeAsync();
    }
}
