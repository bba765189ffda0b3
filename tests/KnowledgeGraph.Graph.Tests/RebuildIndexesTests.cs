using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>A rebuild leaves out the indexes only reads use while it loads, and builds them once at its end.</summary>
public class RebuildIndexesTests
{
    [Fact]
    public async Task Rebuild_EndsWithEveryIndexAFreshStartCreates()
    {
        // Given a graph store created as a starting API creates it
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (writer, _, dataSource) = GraphFixture.Postgres(database);
        await using var __ = dataSource;
        await writer.EnsureSchemaAsync(ct);
        var fresh = await IndexesAsync(dataSource, ct);

        // When it is reset for a rebuild, and then rebuilt
        await writer.ResetAsync(ct);
        var duringLoad = await IndexesAsync(dataSource, ct);
        await using var store = database.CreateStore();
        await GraphRebuild.RunAsync(store, writer, null, GraphRebuild.LargePage, ct);

        // Then the load ran without the read-only indexes, and the rebuilt graph has every one of them again
        Assert.Contains("edges_from", fresh);
        Assert.DoesNotContain("edges_from", duringLoad);
        Assert.Contains("edges_stream", duringLoad);
        Assert.Equal(fresh, await IndexesAsync(dataSource, ct));
    }

    private static async Task<List<string>> IndexesAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT indexname FROM pg_indexes WHERE schemaname = 'kg_graph' ORDER BY indexname");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var names = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
