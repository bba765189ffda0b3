using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;
using Marten;
using Npgsql;

namespace KnowledgeGraph.EventStore.Import;

public sealed record Rejection(string File, int Line, IReadOnlyList<Problem> Problems)
{
    public override string ToString() => $"{File}:{Line}: {string.Join("; ", Problems)}";
}

public sealed record ImportSummary(int Stored, int Unchanged, IReadOnlyList<Rejection> Rejections);

/// <summary>
/// Validates each line against the store and the lines before it, then appends the good ones in batches.
/// Idempotent by event id: an identical event already stored is counted unchanged; the same id with other content
/// is rejected as a conflicting duplicate. Imports are serialized by a PostgreSQL advisory lock, so two imports
/// never validate against the same stale state; one instance keeps its validation state between imports and only
/// reads the events stored since (the API records every mutation through one).
/// </summary>
public sealed class Importer(IDocumentStore store, string connectionString)
{
    private StoredWorld _world = new();

    private const int BatchSize = 500;
    private const long ImportLockKey = 0x4B47_494D_504F_5254; // "KGIMPORT"

    public async Task<ImportSummary> ImportAsync(IEnumerable<InputLine> lines, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(ct);
        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            acquire.Parameters.AddWithValue("key", ImportLockKey);
            await acquire.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var world = _world;
            await using (var query = store.QuerySession())
            {
                await world.CatchUpAsync(query, ct);
            }
            return await ImportLockedAsync(world, lines, progress, ct);
        }
        catch
        {
            // What was applied but not stored must not be believed next time: start again from the store.
            _world = new StoredWorld();
            throw;
        }
        finally
        {
            // A pooled connection keeps its session's locks until it is reused: release ours now.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", ImportLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task<ImportSummary> ImportLockedAsync(StoredWorld world, IEnumerable<InputLine> lines, IProgress<int>? progress, CancellationToken ct)
    {

        var pending = new List<Pending>();
        var rejections = new List<Rejection>();
        int stored = 0, unchanged = 0, done = 0;
        foreach (var line in lines)
        {
            var parsed = EnvelopeParser.Parse(line.Text);
            var problems = parsed.Problems;
            if (parsed.Envelope is { } envelope)
            {
                var fingerprint = EventJson.Fingerprint(envelope);
                var existing = world.World.FindEvent(envelope.Id);
                if (existing is not null && existing.Fingerprint == fingerprint)
                {
                    unchanged++;
                }
                else if (existing is not null)
                {
                    problems = [new Problem("id", $"conflicting duplicate: an event '{envelope.Id}' with other content is already stored")];
                }
                else if ((problems = EventRules.Check(envelope, world.World)).Count == 0)
                {
                    world.World.Apply(envelope, fingerprint);
                    pending.Add(new Pending(line, envelope, fingerprint, world.World.StreamOf(envelope)));
                }
            }
            if (problems.Count > 0)
            {
                rejections.Add(new Rejection(line.File, line.Number, problems));
            }
            if (pending.Count >= BatchSize)
            {
                stored += await FlushAsync(pending, ct);
            }
            progress?.Report(++done);
        }
        stored += await FlushAsync(pending, ct);
        return new ImportSummary(stored, unchanged, rejections);
    }

    private sealed record Pending(InputLine Line, EventEnvelope Envelope, string Fingerprint, string Stream);

    private async Task<int> FlushAsync(List<Pending> pending, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            return 0;
        }
        await using var session = store.LightweightSession();
        foreach (var item in pending)
        {
            var stored = session.Events.BuildEvent(item.Envelope.Data);
            EnvelopeHeaders.Write(stored, item.Envelope, item.Fingerprint);
            session.Events.Append(item.Stream, stored);
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or Marten.Exceptions.MartenCommandException)
        {
            var first = pending[0].Line;
            throw new InvalidOperationException(
                $"the database refused a batch of {pending.Count} events; nothing from {first.File}:{first.Number} on was stored: {e.Message}", e);
        }
        var count = pending.Count;
        pending.Clear();
        return count;
    }
}
