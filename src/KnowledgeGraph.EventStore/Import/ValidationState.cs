using JasperFx.Events;
using KnowledgeGraph.Domain;
using KnowledgeGraph.Domain.Events;
using Marten;
using Npgsql;

namespace KnowledgeGraph.EventStore.Import;

/// <summary>
/// The validation state of the store, kept as keyed entries in a table written in the same transaction as the events
/// it reflects: a batch reads only the entries its events can touch, so its cost does not grow with the store.
/// A store without the table (written before it existed) gets it filled once from its events.
/// </summary>
internal static class ValidationState
{
    private const string Table = EventStoreSetup.Schema + ".kg_validation";
    private const string Complete = "meta:complete";

    public sealed record Loaded(World World, Dictionary<string, string?> Entries);

    public static async Task EnsureAsync(NpgsqlConnection connection, IDocumentStore store, CancellationToken ct)
    {
        // The events are appended with plain SQL (BatchAppend): Marten's own tables must exist first.
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), ct);
        await using (var create = new NpgsqlCommand(
            $"CREATE SCHEMA IF NOT EXISTS {EventStoreSetup.Schema}; CREATE TABLE IF NOT EXISTS {Table} (key text PRIMARY KEY, value text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using var marker = new NpgsqlCommand($"SELECT 1 FROM {Table} WHERE key = @key", connection);
        marker.Parameters.AddWithValue("key", Complete);
        if (await marker.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }
        var stored = new StoredWorld();
        await using (var query = store.QuerySession())
        {
            await stored.CatchUpAsync(query, ct);
        }
        var keys = stored.World.Keys().ToList();
        await using var fill = new NpgsqlCommand(
            $"INSERT INTO {Table} (key, value) SELECT * FROM unnest(@keys, @values) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", connection);
        fill.Parameters.AddWithValue("keys", keys.Append(Complete).ToArray());
        fill.Parameters.AddWithValue("values", keys.Select(k => stored.World.Entry(k)!).Append("true").ToArray());
        await fill.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A world holding every stored entry the events can read or change (a retraction: those of what it retracts too).</summary>
    public static async Task<Loaded> LoadAsync(NpgsqlConnection connection, IReadOnlyList<EventEnvelope> envelopes, CancellationToken ct)
    {
        var loaded = new Loaded(new World(), new Dictionary<string, string?>(StringComparer.Ordinal));
        await LoadKeysAsync(connection, loaded, envelopes.SelectMany(World.KeysOf), ct);
        var retracted = envelopes.Select(e => e.Data).OfType<EventRetracted>()
            .Select(r => loaded.World.Undoable(r.EventId)).OfType<EventEnvelope>();
        await LoadKeysAsync(connection, loaded, retracted.SelectMany(World.KeysOf), ct);
        return loaded;
    }

    private static async Task LoadKeysAsync(NpgsqlConnection connection, Loaded loaded, IEnumerable<string> keys, CancellationToken ct)
    {
        var wanted = keys.Where(k => !loaded.Entries.ContainsKey(k)).Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return;
        }
        foreach (var key in wanted)
        {
            loaded.Entries[key] = null;
        }
        await using var select = new NpgsqlCommand($"SELECT key, value FROM {Table} WHERE key = ANY(@keys)", connection);
        select.Parameters.AddWithValue("keys", wanted);
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (key, value) = (reader.GetString(0), reader.GetString(1));
            loaded.World.Load(key, value);
            loaded.Entries[key] = value;
        }
    }

    /// <summary>The statements that write the entries the events changed, for the transaction that appends them.</summary>
    public static IEnumerable<NpgsqlBatchCommand> Changes(Loaded loaded)
    {
        var changed = loaded.Entries.Select(e => (e.Key, Before: e.Value, After: loaded.World.Entry(e.Key)))
            .Where(e => e.Before != e.After).ToList();
        var upserts = changed.Where(e => e.After is not null).ToList();
        if (upserts.Count > 0)
        {
            yield return BatchAppend.Command(
                $"INSERT INTO {Table} (key, value) SELECT * FROM unnest(@keys, @values) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                new NpgsqlParameter("keys", upserts.Select(e => e.Key).ToArray()), new NpgsqlParameter("values", upserts.Select(e => e.After!).ToArray()));
        }
        var deletes = changed.Where(e => e.After is null).Select(e => e.Key).ToArray();
        if (deletes.Length > 0)
        {
            yield return BatchAppend.Command($"DELETE FROM {Table} WHERE key = ANY(@keys)", new NpgsqlParameter("keys", deletes));
        }
    }
}
