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

/// <summary>
/// At most KG_WS_MAX_SUBSCRIPTIONS subscriptions at once per holder named by a key (a client address over SSE); a key
/// is forgotten as soon as it holds none, so that the addresses seen once do not pile up.
/// </summary>
internal sealed class KeyedSubscriptionCap(int max)
{
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

    public int Max => max;

    /// <summary>How many keys hold a place now.</summary>
    public int Holders
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Takes one place for the key; false when it has none left. A place taken is given back with <see cref="Release"/>.</summary>
    public bool TryHold(string key)
    {
        lock (_held)
        {
            var held = _held.GetValueOrDefault(key);
            if (held >= max)
            {
                return false;
            }
            _held[key] = held + 1;
        }
        KnowledgeGraphMetrics.Subscriptions.Add(1);
        return true;
    }

    public void Release(string key)
    {
        lock (_held)
        {
            var held = _held[key] - 1;
            if (held == 0)
            {
                _held.Remove(key);
            }
            else
            {
                _held[key] = held;
            }
        }
        KnowledgeGraphMetrics.Subscriptions.Add(-1);
    }
}
