using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Database;
using Marten;
using Npgsql;

namespace KnowledgeGraph.Testing;

/// <summary>
/// A fresh, empty database for one test class, in the server the product would use: <c>KG_POSTGRES</c> when set,
/// otherwise the embedded cluster in <c>KG_DATA_DIR</c> (scripts/test.sh starts it). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private string? _server;
    private string? _name;

    public string ConnectionString { get; private set; } = "";

    /// <summary>A database for one test, when a class's tests must not share one.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async ValueTask InitializeAsync()
    {
        _server = await DatabaseLocator.FromEnvironmentAsync(TextWriter.Null);
        _name = $"kg_test_{Guid.NewGuid():N}"[..24];
        await ExecuteAsync($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;
    }

    public DocumentStore CreateStore() => EventStoreSetup.CreateStore(ConnectionString);

    /// <summary>Empties the event store, for tests that need to start again from nothing.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {EventStoreSetup.Schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_name is not null)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
    }

    // Database names cannot be parameters; these are generated above, never input.
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
