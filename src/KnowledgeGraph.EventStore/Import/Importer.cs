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
/// is rejected as a conflicting duplicate. Lines are parsed outside any lock; the validation and the append of each
/// batch hold a PostgreSQL advisory lock, so two imports never validate against the same stale state and a mutation
/// waits for one batch at most, never for a whole import. A batch reads only the validation state its lines can
/// touch, and writes what it changed with its events (<see cref="ValidationState"/>).
/// </summary>
public sealed class Importer(IDocumentStore store, string connectionString)
{
    private const int BatchSize = 500;

    public async Task<ImportSummary> ImportAsync(IEnumerable<InputLine> lines, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var rejections = new List<Rejection>();
        int stored = 0, unchanged = 0, done = 0;
        var ensured = false;
        foreach (var chunk in lines.Chunk(BatchSize))
        {
            var parsed = chunk.Select(Parse).ToList();
            rejections.AddRange(parsed.Where(p => p.Envelope is null).Select(p => new Rejection(p.Line.File, p.Line.Number, p.Problems)));
            var batch = await ImportLock.RunAsync(connectionString, async connection =>
            {
                // Once a run, under the lock: the event store may have been dropped since the last run (a reset), or
                // written by a version without the state table.
                if (!ensured)
                {
                    await ValidationState.EnsureAsync(connection, store, ct);
                    ensured = true;
                }
                return await StoreAsync(connection, parsed.Where(p => p.Envelope is not null).ToList(), ct);
            }, ct);
            (stored, unchanged) = (stored + batch.Stored, unchanged + batch.Unchanged);
            rejections.AddRange(batch.Rejections);
            progress?.Report(done += chunk.Length);
        }
        rejections.Sort((a, b) => a.File == b.File ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.File, b.File));
        return new ImportSummary(stored, unchanged, rejections);
    }

    private sealed record Parsed(InputLine Line, EventEnvelope? Envelope, string Fingerprint, IReadOnlyList<Problem> Problems);

    private static Parsed Parse(InputLine line)
    {
        if (line.Unreadable is { } reason)
        {
            return new Parsed(line, null, "", [new Problem("", reason)]);
        }
        var result = EnvelopeParser.Parse(line.Text);
        return new Parsed(line, result.Envelope, result.Envelope is { } e ? EventJson.Fingerprint(e) : "", result.Problems);
    }

    /// <summary>Validates a batch against the stored state and appends it; a batch the database refuses is retried line by line.</summary>
    private async Task<ImportSummary> StoreAsync(NpgsqlConnection connection, List<Parsed> lines, CancellationToken ct)
    {
        try
        {
            return await ValidateAndAppendAsync(connection, lines, ct);
        }
        catch (RefusedException) when (lines.Count > 1)
        {
            var rejections = new List<Rejection>();
            int stored = 0, unchanged = 0;
            foreach (var line in lines)
            {
                try
                {
                    var one = await ValidateAndAppendAsync(connection, [line], ct);
                    (stored, unchanged) = (stored + one.Stored, unchanged + one.Unchanged);
                    rejections.AddRange(one.Rejections);
                }
                catch (RefusedException e)
                {
                    rejections.Add(new Rejection(line.Line.File, line.Line.Number, [new Problem("", e.Message)]));
                }
            }
            return new ImportSummary(stored, unchanged, rejections);
        }
        catch (RefusedException e)
        {
            return new ImportSummary(0, 0, [new Rejection(lines[0].Line.File, lines[0].Line.Number, [new Problem("", e.Message)])]);
        }
    }

    private async Task<ImportSummary> ValidateAndAppendAsync(NpgsqlConnection connection, List<Parsed> lines, CancellationToken ct)
    {
        var state = await ValidationState.LoadAsync(connection, lines.Select(l => l.Envelope!).ToList(), ct);
        var world = state.World;
        var pending = new List<BatchAppend.Pending>();
        var rejections = new List<Rejection>();
        var unchanged = 0;
        foreach (var line in lines)
        {
            var envelope = line.Envelope!;
            var existing = world.FindEvent(envelope.Id);
            IReadOnlyList<Problem> problems = [];
            if (existing is not null && existing.Fingerprint == line.Fingerprint)
            {
                unchanged++;
            }
            else if (existing is not null)
            {
                problems = [new Problem("id", $"conflicting duplicate: an event '{envelope.Id}' with other content is already stored")];
            }
            else if ((problems = EventRules.Check(envelope, world)).Count == 0)
            {
                world.Apply(envelope, line.Fingerprint);
                pending.Add(new BatchAppend.Pending(envelope, line.Fingerprint, world.StreamOf(envelope).ToString()));
            }
            if (problems.Count > 0)
            {
                rejections.Add(new Rejection(line.Line.File, line.Line.Number, problems));
            }
        }
        if (pending.Count > 0)
        {
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await BatchAppend.AppendAsync(connection, transaction, store, pending, ValidationState.Changes(state), ct);
                await transaction.CommitAsync(ct);
            }
            catch (PostgresException e) when (!e.IsTransient)
            {
                throw new RefusedException(e.MessageText, e);
            }
        }
        return new ImportSummary(pending.Count, unchanged, rejections);
    }

    /// <summary>The database refused an append for what it holds (not for a passing reason): the words of its refusal, never its SQL.</summary>
    private sealed class RefusedException(string reason, Exception inner) : Exception($"the database refused this event: {reason}", inner);
}
