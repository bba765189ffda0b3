namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// The highest sequence below which no event can still appear: events are delivered up to it and never past it.
/// </summary>
/// <remarks>
/// Sequences are taken when an event is appended but become visible when its transaction commits, so a slow
/// transaction can leave a hole below events already visible. Delivering past the hole would lose that event for good
/// (cursors only move forward). A hole is therefore waited for, and only skipped as permanent (a rolled-back append)
/// once every transaction that was running when it was first seen has ended (the snapshot's xmin has passed their
/// xmax, so a commit would now be visible) and at least <c>KG_EVENT_FEED_GAP_GRACE_SECONDS</c> have gone by. This is
/// Marten's own high-water-mark problem solved with PostgreSQL's transaction horizon rather than a time threshold alone.
/// </remarks>
public sealed class SafeHead(EventStoreReader reader, TimeSpan grace, TimeProvider time)
{
    private const int Page = 10_000;
    private readonly Dictionary<long, (ulong Horizon, DateTimeOffset SeenAt)> _holes = [];

    public long Value { get; private set; }

    /// <summary>True while a hole holds the head back (the caller should look again soon).</summary>
    public bool Waiting => _holes.Count > 0;

    /// <summary>Moves the head as far as the store allows; returns true if it moved.</summary>
    public async Task<bool> AdvanceAsync(CancellationToken ct)
    {
        var start = Value;
        while (true)
        {
            var ended = _holes.Count > 0 ? await EndedHolesAsync(ct) : [];
            var sequences = await reader.SequencesAfterAsync(Value, Page, ct);
            var expected = Value + 1;
            var blocked = false;
            foreach (var sequence in sequences)
            {
                while (expected < sequence && ended.Contains(expected))
                {
                    _holes.Remove(expected);
                    expected++;
                }
                if (expected < sequence)
                {
                    await NoteHolesAsync(expected, sequence, ct);
                    blocked = true;
                    break;
                }
                _holes.Remove(sequence);
                Value = sequence;
                expected = sequence + 1;
            }
            if (blocked || sequences.Count < Page)
            {
                return Value > start;
            }
        }
    }

    private async Task<HashSet<long>> EndedHolesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ended = new HashSet<long>();
        foreach (var (sequence, (horizon, seenAt)) in _holes)
        {
            if (now - seenAt >= grace && await reader.AllEndedBeforeAsync(horizon, ct))
            {
                ended.Add(sequence);
            }
        }
        return ended;
    }

    private async Task NoteHolesAsync(long from, long to, CancellationToken ct)
    {
        var horizon = await reader.TransactionHorizonAsync(ct);
        for (var sequence = from; sequence < to; sequence++)
        {
            _holes.TryAdd(sequence, (horizon, time.GetUtcNow()));
        }
    }
}
