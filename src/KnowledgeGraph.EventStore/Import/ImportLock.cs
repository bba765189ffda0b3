using Npgsql;

namespace KnowledgeGraph.EventStore.Import;

/// <summary>
/// The PostgreSQL advisory lock that serializes validation and append across imports, API nodes and the CLI; the work
/// gets the connection that holds it.
/// </summary>
internal static class ImportLock
{
    private const long Key = 0x4B47_494D_504F_5254; // "KGIMPORT"

    public static async Task<T> RunAsync<T>(string connectionString, Func<NpgsqlConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            acquire.Parameters.AddWithValue("key", Key);
            await acquire.ExecuteNonQueryAsync(ct);
        }
        try
        {
            return await work(connection);
        }
        finally
        {
            // A pooled connection keeps its session's locks until it is reused: release ours now.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", Key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
