using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>Collects what a stream's fold produces.</summary>
internal sealed class GraphBuilder
{
    public List<GraphNode> Nodes { get; } = [];
    public List<GraphEdge> Edges { get; } = [];
    public List<ProjectionError> Errors { get; } = [];

    public void Node(GraphNode node) => Nodes.Add(node);

    /// <summary>
    /// One version of a node per period of its attributes in world time. <paramref name="states"/> are its attributes
    /// after its registration and after each later change, in world-time order; the first version also answers for the
    /// dates before its registration, each later one holds from its change's effective date (not before the
    /// registration's) until the next change, and a change that leaves the attributes as they were opens none. Each
    /// version rests on the events up to its own.
    /// </summary>
    public void NodeVersions<TState>(IReadOnlyList<(StreamEvent Event, TState State)> states, Func<TState, IReadOnlyList<string>, GraphNode> node)
    {
        var registered = states[0].Event.Envelope.EffectiveDate;
        var starts = new List<(int Last, DateOnly? From)> { (0, null) };
        for (var i = 1; i < states.Count; i++)
        {
            var from = states[i].Event.Envelope.EffectiveDate < registered ? registered : states[i].Event.Envelope.EffectiveDate;
            if (EqualityComparer<TState>.Default.Equals(states[i].State, states[starts[^1].Last].State))
            {
                starts[^1] = (i, starts[^1].From);
            }
            else if (starts[^1].From == from)
            {
                starts[^1] = (i, from);
            }
            else
            {
                starts.Add((i, from));
            }
        }
        for (var v = 0; v < starts.Count; v++)
        {
            var (last, from) = starts[v];
            Node(node(states[last].State, NodeIds(states.Take(last + 1).Select(s => s.Event))) with
            {
                AttributesFrom = from,
                AttributesTo = v + 1 < starts.Count ? starts[v + 1].From : null,
            });
        }
    }

    public void Edge(GraphEdge edge) => Edges.Add(edge);

    /// <summary>
    /// One edge per member of a set that changes over time, each valid while the member stays in the set, made by
    /// <paramref name="edge"/> from the member, the interval and the event that put it in.
    /// </summary>
    public void SetEdges(Func<string, DateOnly, DateOnly?, IReadOnlyList<string>, GraphEdge> edge, IEnumerable<Period<IReadOnlyList<string>?>> periods)
    {
        var open = new Dictionary<string, (DateOnly From, DateOnly? To, StreamEvent Event)>(StringComparer.Ordinal);
        var closed = new List<(string Member, DateOnly From, DateOnly? To, StreamEvent Event)>();
        foreach (var period in periods)
        {
            var members = (period.Value ?? []).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in open.Keys.Where(m => !members.Contains(m)).ToList())
            {
                var (start, _, source) = open[gone];
                closed.Add((gone, start, period.From, source));
                open.Remove(gone);
            }
            foreach (var member in members)
            {
                open[member] = open.TryGetValue(member, out var running)
                    ? running with { To = period.To }
                    : (period.From, period.To, period.Source);
            }
        }
        closed.AddRange(open.Select(o => (o.Key, o.Value.From, o.Value.To, o.Value.Event)));
        foreach (var (member, start, end, source) in closed)
        {
            Edge(edge(member, start, end, Ids(source)));
        }
    }

    public void Error(StreamEvent e, string reason) => Errors.Add(new ProjectionError(e.Sequence, e.Envelope.Id, reason));

    /// <summary>The ids of the events a relationship version rests on, once each, in order.</summary>
    public static IReadOnlyList<string> Ids(params IEnumerable<StreamEvent?> events) =>
        events.OfType<StreamEvent>().Select(e => e.Envelope.Id).Distinct().ToList();

    /// <summary>The ids of the events a node rests on.</summary>
    public static IReadOnlyList<string> NodeIds(IEnumerable<StreamEvent> events) => events.Select(e => e.Envelope.Id).ToList();

    public static string ProductOrCategory(string code) => Products.IsProduct(code) ? Labels.Product : Labels.Category;

    public static string CountryOrBloc(string code) => Vocabularies.Blocs.Contains(code) ? Labels.Bloc : Labels.Country;

    public static IReadOnlyList<string> List(IReadOnlyList<string>? values) => values ?? [];
}
