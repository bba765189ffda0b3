using System.Globalization;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.EventStore;
using Npgsql;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// Reads events from Marten's <c>mt_events</c> by sequence, raw, in order. The only way subscriptions and webhooks
/// learn about events: whichever process stored them (an API node, <c>kg import</c>), they are read from here.
/// </summary>
public sealed class EventStoreReader(NpgsqlDataSource dataSource)
{
    private const string Events = EventStoreSetup.Schema + ".mt_events";

    /// <summary>The events after <paramref name="after"/> up to <paramref name="upTo"/> (inclusive), oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(long after, long upTo, int limit, CancellationToken ct)
    {
        if (upTo <= after)
        {
            return [];
        }
        await using var command = dataSource.CreateCommand($"""
            SELECT seq_id, type, stream_id, data::text, headers ->> 'envelope'
            FROM {Events} WHERE seq_id > @after AND seq_id <= @upTo ORDER BY seq_id LIMIT @limit
            """);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("upTo", upTo);
        command.Parameters.AddWithValue("limit", limit);
        var events = new List<StoredEvent>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                events.Add(ToEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
        return events;
    }

    /// <summary>The sequences stored after <paramref name="after"/>, at most <paramref name="limit"/>, in order.</summary>
    public async Task<IReadOnlyList<long>> SequencesAfterAsync(long after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT seq_id FROM {Events} WHERE seq_id > @after ORDER BY seq_id LIMIT @limit");
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        var sequences = new List<long>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                sequences.Add(reader.GetInt64(0));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return [];
        }
        return sequences;
    }

    /// <summary>The first transaction id not yet assigned: every transaction that may hold a sequence now is below it.</summary>
    public async Task<ulong> TransactionHorizonAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text");
        return ulong.Parse((string)(await command.ExecuteScalarAsync(ct))!, CultureInfo.InvariantCulture);
    }

    /// <summary>True when every transaction below <paramref name="horizon"/> has ended (committed or rolled back).</summary>
    public async Task<bool> AllEndedBeforeAsync(ulong horizon, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_snapshot_xmin(pg_current_snapshot()) >= @horizon::text::xid8");
        command.Parameters.AddWithValue("horizon", horizon.ToString(CultureInfo.InvariantCulture));
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static StoredEvent ToEvent(long sequence, string type, string stream, string data, string? envelopeJson)
    {
        using var envelope = System.Text.Json.JsonDocument.Parse(envelopeJson ?? "{}");
        var root = envelope.RootElement;
        var id = root.TryGetProperty("id", out var i) ? i.GetString()! : $"seq-{sequence}";
        var date = root.TryGetProperty("effectiveDate", out var d) ? DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture) : DateOnly.MinValue;
        var source = root.TryGetProperty("source", out var s) ? s.GetRawText() : "null";
        return new StoredEvent(sequence, id, type, StreamId.Parse(stream), date, data, source);
    }
}
