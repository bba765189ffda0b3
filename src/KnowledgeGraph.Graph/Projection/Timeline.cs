using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>A value holding from one date (inclusive) to another (exclusive; null when still holding).</summary>
internal sealed record Period<T>(DateOnly From, DateOnly? To, T Value, StreamEvent Source, StreamEvent? ClosedBy);

internal static class Timeline
{
    /// <summary>
    /// The periods of a value set by successive events: each change holds until the next one, in world-time order
    /// (effective date, then store order); <paramref name="end"/> closes the last. Empty periods are dropped.
    /// </summary>
    public static List<Period<T>> Periods<T>(IEnumerable<(StreamEvent Event, T Value)> changes, StreamEvent? end = null)
    {
        var ordered = changes.OrderBy(c => c.Event.Envelope.EffectiveDate).ThenBy(c => c.Event.Sequence).ToList();
        var periods = new List<Period<T>>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var from = ordered[i].Event.Envelope.EffectiveDate;
            var next = i + 1 < ordered.Count ? ordered[i + 1].Event : end;
            var to = next?.Envelope.EffectiveDate;
            if (to is { } t && t < from)
            {
                to = from;
            }
            if (to != from)
            {
                periods.Add(new Period<T>(from, to, ordered[i].Value, ordered[i].Event, next));
            }
        }
        return periods;
    }
}
