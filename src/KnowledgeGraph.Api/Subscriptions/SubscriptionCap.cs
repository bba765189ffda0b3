using KnowledgeGraph.Api.Telemetry;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// At most KG_WS_MAX_SUBSCRIPTIONS subscriptions at once for one holder (a WebSocket connection, or a client's event
/// streams), each counted in the subscriber metric while it runs.
/// </summary>
internal sealed class SubscriptionCap(int max)
{
    private int _held;

    public int Max => max;

    /// <summary>Takes one place; false when none is left. A place taken is given back with <see cref="Release"/>.</summary>
    public bool TryHold()
    {
        if (Interlocked.Increment(ref _held) > max)
        {
            Interlocked.Decrement(ref _held);
            return false;
        }
        KnowledgeGraphMetrics.Subscriptions.Add(1);
        return true;
    }

    public void Release()
    {
        Interlocked.Decrement(ref _held);
        KnowledgeGraphMetrics.Subscriptions.Add(-1);
    }
}
