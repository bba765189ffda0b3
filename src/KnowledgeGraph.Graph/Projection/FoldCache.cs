using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// The last fold of each stream a projector wrote, so that the next batch touching the stream folds only the knowledge
/// points its new events add (<see cref="KnowledgeVersions"/> carries the rest forward): a stream of n events costs one
/// more fold when an event joins it, not n. Used only when the events it folded are the first events of the stream
/// now; bounded, and emptied when full, since a fold without it gives the same result.
/// </summary>
internal sealed class FoldCache(int capacity = 4096)
{
    private readonly Dictionary<string, ((long, string)[] Events, StreamGraph Graph)> _last = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public StreamGraph Fold(string stream, IReadOnlyList<StreamEvent> events)
    {
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        StreamGraph? carried;
        lock (_lock)
        {
            carried = _last.TryGetValue(stream, out var last) && IsPrefix(last.Events, ordered) ? last.Graph : null;
        }
        var graph = StreamFolder.Fold(stream, ordered, carried);
        lock (_lock)
        {
            if (_last.Count >= capacity && !_last.ContainsKey(stream))
            {
                _last.Clear();
            }
            _last[stream] = ([.. ordered.Select(e => (e.Sequence, e.Envelope.Id))], graph);
        }
        return graph;
    }

    /// <summary>The events folded then are the first events now (a store emptied and filled again has other ids).</summary>
    private static bool IsPrefix((long Sequence, string Id)[] folded, List<StreamEvent> events) =>
        folded.Length <= events.Count && folded.Select((f, i) => events[i].Sequence == f.Sequence && events[i].Envelope.Id == f.Id).All(same => same);
}
