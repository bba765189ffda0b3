using KnowledgeGraph.EventStore.Database;
using Npgsql;

namespace KnowledgeGraph.Bench;

/// <summary>
/// A fresh database per figure in the server the product would use: <c>KG_POSTGRES</c> when set, otherwise the embedded
/// cluster in <c>KG_DATA_DIR</c> (scripts/bench.sh puts it under /tmp). Dropped when disposed.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static Task<string> ServerAsync() => DatabaseLocator.FromEnvironmentAsync(Console.Error);

    public static async Task<BenchDatabase> CreateAsync(string server, string figure)
    {
        var database = new BenchDatabase(server, $"kg_bench_{figure}_{Guid.NewGuid():N}"[..28]);
        // Database names cannot be parameters; this one is generated above, never input.
        await AdminAsync(server, $"CREATE DATABASE {database._name}");
        return database;
    }

    public static async Task<string> VersionAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return $"PostgreSQL {await command.ExecuteScalarAsync()}";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task AdminAsync(string server, string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
