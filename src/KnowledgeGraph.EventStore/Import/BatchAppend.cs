using JasperFx;
using KnowledgeGraph.Domain.Events;
using Marten;
using Marten.Events.Daemon.HighWater;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeGraph.EventStore.Import;

/// <summary>
/// Appends a validated batch to Marten's event tables in a few statements for all the streams it touches, where
/// Marten's quick append calls its function once per stream. It writes the rows that function writes (the store's
/// sequence, each stream's versions from its stored version on, the event type names, the serialized data and
/// headers, the server's time) and sends the notification that wakes the daemon, so Marten, its daemon and the export
/// read them back as their own. The validation state's changes go in the same transaction.
/// </summary>
internal static class BatchAppend
{
    private const string Schema = EventStoreSetup.Schema;

    public sealed record Pending(EventEnvelope Envelope, string Fingerprint, string Stream);

    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IDocumentStore store,
        IReadOnlyList<Pending> pending, IEnumerable<NpgsqlBatchCommand> changes, CancellationToken ct)
    {
        var streams = pending.Select(p => p.Stream).Distinct(StringComparer.Ordinal).ToArray();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var sequences = new List<long>(pending.Count);
        await using (var read = new NpgsqlBatch(connection, transaction))
        {
            // The stream rows are locked until the commit, as Marten's function's update of them would lock them.
            read.BatchCommands.Add(Command($"SELECT id, version FROM {Schema}.mt_streams WHERE id = ANY(@streams) FOR UPDATE", new NpgsqlParameter("streams", streams)));
            read.BatchCommands.Add(Command($"SELECT nextval('{Schema}.mt_events_sequence') FROM generate_series(1, @count)", new NpgsqlParameter("count", pending.Count)));
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                versions[reader.GetString(0)] = reader.GetInt64(1);
            }
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                sequences.Add(reader.GetInt64(0));
            }
        }
        // In file order, whatever their streams: each event is stored after those it was validated against.
        sequences.Sort();
        var rows = Rows(store, pending, versions, sequences);
        var tenant = StorageConstants.DefaultTenantId;
        await using var write = new NpgsqlBatch(connection, transaction);
        write.BatchCommands.Add(Command(
            $"""
            INSERT INTO {Schema}.mt_streams (id, type, version, timestamp, tenant_id)
            SELECT id, NULL, version, now(), @tenant FROM unnest(@ids, @versions) AS s(id, version)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, timestamp = now()
            """,
            new NpgsqlParameter("tenant", tenant), new NpgsqlParameter("ids", versions.Keys.ToArray()), new NpgsqlParameter("versions", versions.Values.ToArray())));
        write.BatchCommands.Add(Command(
            $"""
            INSERT INTO {Schema}.mt_events (seq_id, id, stream_id, version, data, type, tenant_id, timestamp, mt_dotnet_type, is_archived, headers)
            SELECT seq, id, stream, version, data, type, @tenant, (now() at time zone 'utc'), dotnet_type, FALSE, headers
            FROM unnest(@seq, @id, @stream, @version, @data, @type, @dotnet_type, @headers)
                 AS e(seq, id, stream, version, data, type, dotnet_type, headers)
            """,
            new NpgsqlParameter("tenant", tenant), new NpgsqlParameter("seq", rows.Select(r => r.Sequence).ToArray()), new NpgsqlParameter("id", rows.Select(r => r.Id).ToArray()),
            new NpgsqlParameter("stream", rows.Select(r => r.Stream).ToArray()), new NpgsqlParameter("version", rows.Select(r => r.Version).ToArray()),
            new NpgsqlParameter("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = rows.Select(r => r.Data).ToArray() },
            new NpgsqlParameter("type", rows.Select(r => r.Type).ToArray()), new NpgsqlParameter("dotnet_type", rows.Select(r => r.DotNetType).ToArray()),
            new NpgsqlParameter("headers", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = rows.Select(r => r.Headers).ToArray() }));
        // What Marten sends with every append (UseListenNotifyForEventAppends): the daemon wakes at the commit.
        write.BatchCommands.Add(Command("SELECT pg_notify(@channel, '')", new NpgsqlParameter("channel", PostgresqlListenWakeup.DefaultChannel)));
        foreach (var command in changes)
        {
            write.BatchCommands.Add(command);
        }
        await write.ExecuteNonQueryAsync(ct);
    }

    private sealed record Row(long Sequence, Guid Id, string Stream, long Version, string Data, string Type, string DotNetType, string Headers);

    private static List<Row> Rows(IDocumentStore store, IReadOnlyList<Pending> pending, Dictionary<string, long> versions, List<long> sequences)
    {
        var serializer = store.Options.Serializer();
        using var session = store.LightweightSession();
        var rows = new List<Row>(pending.Count);
        foreach (var (line, sequence) in pending.Zip(sequences))
        {
            // Marten's own event (its type names and headers) for the line, serialized as Marten serializes them.
            var stored = session.Events.BuildEvent(line.Envelope.Data);
            EnvelopeHeaders.Write(stored, line.Envelope, line.Fingerprint);
            var version = versions[line.Stream] = versions.GetValueOrDefault(line.Stream) + 1;
            rows.Add(new Row(sequence, Guid.CreateVersion7(), line.Stream, version, serializer.ToJson(line.Envelope.Data),
                stored.EventTypeName, stored.DotNetTypeName, serializer.ToJson(stored.Headers)));
        }
        return rows;
    }

    internal static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
