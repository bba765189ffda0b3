using System.Text.Json;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// Knowledge time: a stream folded at each of its knowledge points (the events stored up to each of its sequences).
/// A node or relationship version is believed from the first point whose fold asserts it, exactly as it is, until the
/// first later point whose fold no longer does (a later event superseded it, or retracted what asserted it). Pure, so a
/// rebuild gives the same clocks as the live projection. What the fold of the stream's first events gave (carried) is
/// carried forward: only the knowledge points after it are folded, since a fold up to a point reads no later event.
/// </summary>
internal static class KnowledgeVersions
{
    /// <param name="carried">The result of this fold for the events of <paramref name="events"/> up to its sequence, or null.</param>
    public static StreamGraph Fold(string stream, IReadOnlyList<StreamEvent> events, Func<IReadOnlyList<StreamEvent>, StreamGraph> foldAt,
        StreamGraph? carried = null)
    {
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var nodes = new Versions<GraphNode>((n, from, to) => n with { RecordedFrom = from, RecordedTo = to }, n => (n.RecordedFrom, n.RecordedTo), carried?.Nodes);
        var edges = new Versions<GraphEdge>((e, from, to) => e with { RecordedFrom = from, RecordedTo = to }, e => (e.RecordedFrom, e.RecordedTo), carried?.Edges);
        var known = carried?.Sequence ?? long.MinValue;
        StreamGraph? latest = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Sequence <= known || (i + 1 < ordered.Count && ordered[i + 1].Sequence == ordered[i].Sequence))
            {
                continue;
            }
            latest = foldAt(ordered[..(i + 1)]);
            nodes.At(ordered[i].Sequence, latest.Nodes);
            edges.At(ordered[i].Sequence, latest.Edges);
        }
        latest ??= foldAt(ordered);
        return latest with { Nodes = nodes.All(), Edges = edges.All() };
    }

    /// <summary>The versions of one kind of element, each identified by everything its record says (its clocks aside).</summary>
    private sealed class Versions<T>
    {
        private readonly Func<T, long, long?, T> _stamp;
        private readonly Dictionary<string, (T Item, long From)> _open = new(StringComparer.Ordinal);
        private readonly List<T> _closed = [];

        /// <summary>The versions so far: none, or those carried, each with its clocks.</summary>
        public Versions(Func<T, long, long?, T> stamp, Func<T, (long From, long? To)> clocks, IEnumerable<T>? carried)
        {
            _stamp = stamp;
            foreach (var item in carried ?? [])
            {
                if (clocks(item) is (var from, null))
                {
                    _open.Add(Key(item), (item, from));
                }
                else
                {
                    _closed.Add(item);
                }
            }
        }

        private string Key(T item) => JsonSerializer.Serialize((object?)_stamp(item, 0, null));

        public void At(long sequence, IReadOnlyList<T> asserted)
        {
            var now = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in asserted)
            {
                now.TryAdd(Key(item), item);
            }
            foreach (var gone in _open.Keys.Where(k => !now.ContainsKey(k)).ToList())
            {
                _closed.Add(_stamp(_open[gone].Item, _open[gone].From, sequence));
                _open.Remove(gone);
            }
            foreach (var (key, item) in now)
            {
                _open.TryAdd(key, (item, sequence));
            }
        }

        public List<T> All() => [.. _closed, .. _open.Values.Select(o => _stamp(o.Item, o.From, null))];
    }
}
