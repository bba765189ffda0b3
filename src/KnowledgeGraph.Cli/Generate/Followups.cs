using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>
/// Events that happen to an entity later on (a status change, an end, a retraction), held until some more
/// organizations have been generated so that they land further down the file, after what they refer to.
/// Only the pending ones are held, so memory stays small however many events are written.
/// </summary>
internal sealed class Followups
{
    private readonly PriorityQueue<Func<EventEnvelope>, (int Due, long Order)> _queue = new();
    private long _order;

    /// <summary>Emits the event <paramref name="make"/> builds once the organization numbered <paramref name="due"/> is generated.</summary>
    public void At(int due, Func<EventEnvelope> make) => _queue.Enqueue(make, (due, _order++));

    public IEnumerable<EventEnvelope> DueBy(int index)
    {
        while (_queue.TryPeek(out _, out var key) && key.Due <= index)
        {
            yield return _queue.Dequeue()();
        }
    }
}
