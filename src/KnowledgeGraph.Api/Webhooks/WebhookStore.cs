using System.Text.Json;
using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Queries;
using Marten;
using Npgsql;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// The webhooks' registry in PostgreSQL (schema <c>kg_webhooks</c>): registration, listing, dead letters and replay
/// requests. The outbox subscription fills the deliveries; delivery writes through a <see cref="WebhookLease"/>, which
/// holds the webhook's lock.
/// </summary>
public sealed class WebhookStore(NpgsqlDataSource dataSource) : IDisposable
{
    public const string Schema = "kg_webhooks";

    /// <summary>What the stream id of every deal starts with: webhooks deliver deals only.</summary>
    internal static readonly string DealStreams = StreamId.Prefix(StreamKind.Deal);
    private readonly SemaphoreSlim _install = new(1, 1);
    private bool _installed;

    public NpgsqlDataSource DataSource => dataSource;

    public void Dispose() => _install.Dispose();

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        await _install.WaitAsync(ct);
        try
        {
            if (_installed)
            {
                return;
            }
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand(WebhookSql.Install, connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            _installed = true;
        }
        finally
        {
            _install.Release();
        }
    }

    public async Task<Webhook> RegisterAsync(Uri url, DealFilter filter, StandingQuestion? question, string secret, long cursor, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        var id = Guid.NewGuid();
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {Schema}.webhooks (id, url, filter, question, secret, cursor) VALUES (@id, @url, @filter::jsonb, @question::jsonb, @secret, @cursor)");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("url", url.AbsoluteUri);
        command.Parameters.AddWithValue("filter", JsonSerializer.Serialize(filter, JsonSerializerOptions.Web));
        command.Parameters.Add(new NpgsqlParameter<string?>("question", NpgsqlTypes.NpgsqlDbType.Text)
        {
            TypedValue = question is null ? null : JsonSerializer.Serialize(question, JsonSerializerOptions.Web),
        });
        command.Parameters.AddWithValue("secret", secret);
        command.Parameters.AddWithValue("cursor", cursor);
        await command.ExecuteNonQueryAsync(ct);
        return (await ListAsync(ct)).Single(w => w.Id == id);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var command = dataSource.CreateCommand($"DELETE FROM {Schema}.webhooks WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        // Done with: everything examined, except from the first delivery neither acknowledged nor dead-lettered on.
        await using var command = dataSource.CreateCommand($"""
            SELECT w.id, w.url, w.filter::text, w.question::text, w.created_at,
                   least(w.cursor, (SELECT min(o.sequence) - 1 FROM {Schema}.outbox o WHERE o.webhook_id = w.id AND {Undone}))
            FROM {Schema}.webhooks w ORDER BY w.created_at, w.id
            """);
        var webhooks = new List<Webhook>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            webhooks.Add(new Webhook(reader.GetGuid(0), reader.GetString(1), Filter(reader.GetString(2)), Question(reader, 3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5)));
        }
        return webhooks;
    }

    /// <summary>A delivery (<c>o</c>) still to be made: neither acknowledged nor given up as a dead letter.</summary>
    internal const string Undone = $"""
        o.acknowledged_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM {Schema}.dead_letters l WHERE l.webhook_id = o.webhook_id AND l.sequence = o.sequence)
        """;

    /// <summary>The events stored after <paramref name="cursor"/> that a webhook examines (deal events only, or all), matching or not.</summary>
    public static async Task<int> EventsAfterAsync(IDocumentStore store, long cursor, bool dealsOnly, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > cursor && (!dealsOnly || e.StreamKey!.StartsWith(DealStreams)))
            .CountAsync(ct);
    }

    /// <summary>What the outbox subscriptions need of every webhook: what it follows, and how far it was examined.</summary>
    public async Task<IReadOnlyList<WebhookCursor>> CursorsAsync(CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var command = dataSource.CreateCommand($"SELECT id, filter::text, question::text, cursor FROM {Schema}.webhooks");
        var webhooks = new List<WebhookCursor>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            webhooks.Add(new WebhookCursor(reader.GetGuid(0), Filter(reader.GetString(1)), Question(reader, 2), reader.GetInt64(3)));
        }
        return webhooks;
    }

    /// <summary>The ids of every webhook, for the dispatcher to give each one a worker.</summary>
    public async Task<IReadOnlyList<Guid>> IdsAsync(CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var command = dataSource.CreateCommand($"SELECT id FROM {Schema}.webhooks");
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(Guid? webhookId, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var command = dataSource.CreateCommand($"""
            SELECT id, webhook_id, sequence, event_id, attempts, last_error, failed_at FROM {Schema}.dead_letters
            WHERE @webhook::uuid IS NULL OR webhook_id = @webhook ORDER BY webhook_id, sequence
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("webhook", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = webhookId });
        var letters = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            letters.Add(new DeadLetter(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return letters;
    }

    /// <summary>The latest deliveries of a webhook, newest first.</summary>
    public async Task<IReadOnlyList<Delivery>> DeliveriesAsync(Guid webhookId, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT sequence, event_id, attempts, last_error, acknowledged_at FROM {Schema}.outbox
            WHERE webhook_id = @webhook AND attempts > 0 ORDER BY sequence DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("webhook", webhookId);
        command.Parameters.AddWithValue("limit", limit);
        var deliveries = new List<Delivery>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            deliveries.Add(new Delivery(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return deliveries;
    }

    /// <summary>Asks the webhook's worker to deliver a dead letter again; false when there is no such dead letter.</summary>
    public async Task<bool> RequestReplayAsync(Guid id, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var command = dataSource.CreateCommand($"UPDATE {Schema}.dead_letters SET replay_requested = true WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static StandingQuestion? Question(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : JsonSerializer.Deserialize<StandingQuestion>(reader.GetString(column), JsonSerializerOptions.Web);

    internal static DealFilter Filter(string json) => JsonSerializer.Deserialize<DealFilter>(json, JsonSerializerOptions.Web) ?? new DealFilter();
}
