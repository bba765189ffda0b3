using Npgsql;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// The right to deliver for one webhook: a PostgreSQL session advisory lock held on a dedicated connection, so that of
/// several API processes only one delivers for it. Every write of delivery state goes through that same connection:
/// if the connection (and with it the lock) is lost, the write fails and the worker stops, rather than acknowledging
/// alongside another process that has since taken the lock.
/// </summary>
public sealed class WebhookLease : IAsyncDisposable
{
    private const string S = WebhookStore.Schema;
    private readonly NpgsqlConnection _connection;
    private readonly Guid _id;

    private WebhookLease(NpgsqlConnection connection, Guid id)
    {
        _connection = connection;
        _id = id;
    }

    /// <summary>The lease, or null when another process (or worker) holds it.</summary>
    public static async Task<WebhookLease?> TryAcquireAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        var lease = new WebhookLease(connection, id);
        if (await lease.ScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtextextended('kg_webhooks:' || @id::text, 0))", ct))
        {
            return lease;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The webhook as it is now, or null once it has been deleted.</summary>
    public async Task<WebhookTarget?> LoadAsync(CancellationToken ct)
    {
        await using var command = Command($"SELECT url, secret FROM {S}.webhooks WHERE id = @id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new WebhookTarget(_id, new Uri(reader.GetString(0)), reader.GetString(1)) : null;
    }

    /// <summary>The outbox's deliveries still to be made, in sequence order, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<(Guid? Letter, WebhookPayload Payload)>> DueAsync(int limit, CancellationToken ct) => PayloadsAsync($"""
        SELECT NULL::uuid, o.sequence, o.event_id, o.body, o.content_type FROM {S}.outbox o
        WHERE o.webhook_id = @id AND {WebhookStore.Undone} ORDER BY o.sequence LIMIT @limit
        """, limit, ct);

    /// <summary>The dead letters whose replay was asked for, oldest event first, with the payload first tried.</summary>
    public Task<IReadOnlyList<(Guid? Letter, WebhookPayload Payload)>> ReplaysAsync(CancellationToken ct) => PayloadsAsync($"""
        SELECT l.id, o.sequence, o.event_id, o.body, o.content_type
        FROM {S}.dead_letters l JOIN {S}.outbox o ON o.webhook_id = l.webhook_id AND o.sequence = l.sequence
        WHERE l.webhook_id = @id AND l.replay_requested ORDER BY l.sequence
        """, null, ct);

    /// <summary>Counts one more attempt of a delivery and why it failed; false once the webhook is gone.</summary>
    public async Task<bool> RecordAttemptAsync(long sequence, string? error, CancellationToken ct)
    {
        await using var command = Command($"UPDATE {S}.outbox SET attempts = attempts + 1, last_error = @error WHERE webhook_id = @id AND sequence = @sequence");
        command.Parameters.AddWithValue("sequence", sequence);
        command.Parameters.Add(new NpgsqlParameter<string?>("error", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = error });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Records the receiver's 2xx: after a restart the delivery is neither lost nor sent again. A replayed dead letter
    /// leaves the dead-letter list in the same transaction.
    /// </summary>
    public Task AcknowledgeAsync(long sequence, Guid? deadLetter, CancellationToken ct) => InTransactionAsync($"""
        UPDATE {S}.outbox SET acknowledged_at = now(), last_error = NULL WHERE webhook_id = @id AND sequence = @sequence;
        DELETE FROM {S}.dead_letters WHERE id = @letter;
        """, sequence, deadLetter, null, ct);

    /// <summary>Gives up on a delivery: it joins the dead letters, and the webhook moves on to its next delivery.</summary>
    public Task DeadLetterAsync(long sequence, string eventId, DeliveryOutcome outcome, CancellationToken ct) => InTransactionAsync($"""
        INSERT INTO {S}.dead_letters (id, webhook_id, sequence, event_id, attempts, last_error, failed_at)
        VALUES (@letter, @id, @sequence, @eventId, @attempts, @error, now())
        ON CONFLICT (webhook_id, sequence) DO UPDATE
        SET attempts = excluded.attempts, last_error = excluded.last_error, failed_at = excluded.failed_at, replay_requested = false;
        """, sequence, Guid.NewGuid(), (eventId, outcome), ct);

    private async Task<IReadOnlyList<(Guid? Letter, WebhookPayload Payload)>> PayloadsAsync(string sql, int? limit, CancellationToken ct)
    {
        await using var command = Command(sql);
        if (limit is { } most)
        {
            command.Parameters.AddWithValue("limit", most);
        }
        var payloads = new List<(Guid?, WebhookPayload)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            payloads.Add((reader.IsDBNull(0) ? null : reader.GetGuid(0),
                new WebhookPayload(reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.GetString(4))));
        }
        return payloads;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The pool would keep a session lock alive with the connection: it is released before the connection goes back.
            await ScalarAsync<bool>("SELECT pg_advisory_unlock(hashtextextended('kg_webhooks:' || @id::text, 0))", CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is already broken, and PostgreSQL released the lock with the session.
        }
        await _connection.DisposeAsync();
    }

    private async Task InTransactionAsync(string sql, long sequence, Guid? letter, (string EventId, DeliveryOutcome Outcome)? dead, CancellationToken ct)
    {
        await using var transaction = await _connection.BeginTransactionAsync(ct);
        await using var command = Command(sql);
        command.Transaction = transaction;
        command.Parameters.AddWithValue("sequence", sequence);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("letter", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = letter });
        if (dead is var (eventId, outcome))
        {
            command.Parameters.AddWithValue("eventId", eventId);
            command.Parameters.AddWithValue("attempts", outcome.Attempts);
            command.Parameters.AddWithValue("error", outcome.LastError ?? "");
        }
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private NpgsqlCommand Command(string sql)
    {
        var command = new NpgsqlCommand(sql, _connection);
        command.Parameters.AddWithValue("id", _id);
        return command;
    }
}
