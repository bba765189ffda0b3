using Npgsql;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Holds the projection back: an open transaction locking the graph's tables in EXCLUSIVE mode, so reads go on and writes wait.</summary>
internal static class GraphLock
{
    public static async Task<NpgsqlConnection> AgainstWritesAsync(string connectionString, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "BEGIN; LOCK TABLE kg_graph.nodes, kg_graph.edges, kg_graph.events, kg_graph.streams, kg_graph.errors IN EXCLUSIVE MODE", connection);
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }
}
