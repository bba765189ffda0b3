using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.Testing;
using Marten.Services;
using Npgsql;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>
/// Holes in the event store's sequence, made on purpose: a sequence taken and never used (what a rolled-back append
/// leaves), or an append whose transaction is held open, its sequence taken but its event not yet visible.
/// </summary>
public sealed class HeldAppend : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldAppend(NpgsqlConnection connection, NpgsqlTransaction transaction, long sequence)
    {
        _connection = connection;
        _transaction = transaction;
        Sequence = sequence;
    }

    /// <summary>The sequence the held append took.</summary>
    public long Sequence { get; }

    /// <summary>Takes the next sequence and never uses it: a permanent hole.</summary>
    public static async Task<long> LeaveHoleAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT nextval('{EventStoreSetup.Schema}.mt_events_sequence')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Appends one organization registration through Marten in a transaction left open until <see cref="CommitAsync"/>.</summary>
    public static async Task<HeldAppend> BeginAsync(TestDatabase database, string orgId)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var store = database.CreateStore())
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append(StreamId.Organization(orgId).ToString(), new OrganizationRegistered(orgId, "Held Org", "FR", "company"));
            await session.SaveChangesAsync();
        }
        await using var command = new NpgsqlCommand(
            $"SELECT seq_id FROM {EventStoreSetup.Schema}.mt_events WHERE stream_id = @stream", connection, transaction);
        command.Parameters.AddWithValue("stream", StreamId.Organization(orgId).ToString());
        return new HeldAppend(connection, transaction, (long)(await command.ExecuteScalarAsync())!);
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
