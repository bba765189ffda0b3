using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Projection;
using Npgsql;

namespace KnowledgeGraph.Testing;

/// <summary>A test database with events imported and projected into its PostgreSQL graph.</summary>
public static class GraphFixture
{
    public static string ScenarioFile(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    /// <summary>Imports the files (asserting that no line is rejected), then rebuilds the graph with the projection's code.</summary>
    public static async Task ImportAndProjectAsync(TestDatabase database, IGraphWriter writer, params string[] paths)
    {
        await using var store = database.CreateStore();
        var lines = JsonLinesSource.Read(paths.SelectMany(JsonLinesSource.Files));
        var summary = await new Importer(store, database.ConnectionString).ImportAsync(lines);
        Assert.Empty(summary.Rejections);
        await GraphRebuild.RunAsync(store, writer, null, 100, CancellationToken.None);
    }

    public static (PostgresGraphWriter Writer, PostgresGraphReader Reader, NpgsqlDataSource DataSource) Postgres(TestDatabase database)
    {
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        return (new PostgresGraphWriter(dataSource), new PostgresGraphReader(dataSource), dataSource);
    }
}
