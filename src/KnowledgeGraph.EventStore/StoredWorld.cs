using KnowledgeGraph.Domain;
using Marten;

namespace KnowledgeGraph.EventStore;

/// <summary>
/// The validation state of the store, caught up by reading the events stored since the last catch-up. Events this
/// process applied itself before storing them are read again on the next catch-up; applying an event sets state
/// from the event's own values, so re-applying them in store order ends in the same state.
/// </summary>
public sealed class StoredWorld
{
    public World World { get; } = new();

    public long LastSequence { get; private set; }

    public async Task CatchUpAsync(IQuerySession session, CancellationToken ct)
    {
        var last = LastSequence;
        var events = session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > last)
            .OrderBy(e => e.Sequence)
            .ToAsyncEnumerable(ct);
        await foreach (var stored in events)
        {
            // An event appended around the importer carries no envelope: it is no fact of ours to validate against
            // (the projection reports it as an error).
            if (EnvelopeHeaders.HasEnvelope(stored))
            {
                World.Apply(EnvelopeHeaders.Read(stored), EnvelopeHeaders.FingerprintOf(stored));
            }
            LastSequence = stored.Sequence;
        }
    }
}
