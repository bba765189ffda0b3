using System.Text.Json;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// Knowledge time: a stream folded at each of its knowledge points (the events stored up to each of its sequences).
/// A node or relationship version is believed from the first point whose fold asserts it, exactly as it is, until the
/// first later point whose fold no longer does (a later event superseded it, or retracted what asserted it). Pure, so a
/// rebuild gives the same clocks as the live projection.
/// </summary>
internal static class KnowledgeVersions
{
    public static StreamGraph Fold(string stream, IReadOnlyList<StreamEvent> events, Func<IReadOnlyList<StreamEvent>, StreamGraph> foldAt)
    {
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var nodes = new Versions<GraphNode>((n, from, to) => n with { RecordedFrom = from, RecordedTo = to });
        var edges = new Versions<GraphEdge>((e, from, to) => e with { RecordedFrom = from, RecordedTo = to });
        StreamGraph? latest = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (i + 1 < ordered.Count && ordered[i + 1].Sequence == ordered[i].Sequence)
            {
                continue;
            }
            latest = foldAt(ordered[..(i + 1)]);
            nodes.At(ordered[i].Sequence, latest.Nodes);
            edges.At(ordered[i].Sequence, latest.Edges);
        }
        latest ??= foldAt([]);
        return latest with { Nodes = nodes.All(), Edges = edges.All() };
    }

    /// <summary>The versions of one kind of element, each identified by everything its record says (its clocks aside).</summary>
    private sealed class Versions<T>(Func<T, long, long?, T> stamp)
    {
        private readonly Dictionary<string, (T Item, long From)> _open = new(StringComparer.Ordinal);
        private readonly List<T> _closed = [];

        public void At(long sequence, IReadOnlyList<T> asserted)
        {
            var now = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in asserted)
            {
                now.TryAdd(JsonSerializer.Serialize((object?)stamp(item, 0, null)), item);
            }
            foreach (var gone in _open.Keys.Where(k => !now.ContainsKey(k)).ToList())
            {
                _closed.Add(stamp(_open[gone].Item, _open[gone].From, sequence));
                _open.Remove(gone);
            }
            foreach (var (key, item) in now)
            {
                _open.TryAdd(key, (item, sequence));
            }
        }

        public List<T> All() => [.. _closed, .. _open.Values.Select(o => stamp(o.Item, o.From, null))];
    }
}
