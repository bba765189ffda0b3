using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>Node lookup, neighbours and shortest paths over the simple reads, for an adapter without native statements for them.</summary>
internal static class ComposedReads
{
    public static async Task<GraphNode?> NodeAsync(IGraphReader reader, string id, CancellationToken ct)
    {
        foreach (var label in Labels.All)
        {
            if ((await reader.NodesAsync(label, [id], ct)) is [var node])
            {
                return node;
            }
        }
        return null;
    }

    public static async Task<Page<Neighbour>?> NeighboursAsync(IGraphReader reader, string id, IReadOnlyCollection<string> types,
        bool outgoing, bool incoming, DateOnly asOf, int skip, int first, CancellationToken ct) =>
        await reader.NodeAsync(id, ct) is { } node
            ? Pages.Of((await ExpandAsync(reader, [node], types, outgoing, incoming, asOf, ct)).Select(x => new Neighbour(x.Edge, x.Neighbour)).ToList(), skip, first)
            : null;

    /// <summary>The relationships of a set of nodes valid at the date, each with the node at its other end.</summary>
    private static async Task<List<(GraphNode From, GraphEdge Edge, GraphNode Neighbour)>> ExpandAsync(IGraphReader reader,
        IReadOnlyCollection<GraphNode> nodes, IReadOnlyCollection<string> types, bool outgoing, bool incoming, DateOnly asOf, CancellationToken ct)
    {
        var byKey = nodes.ToDictionary(n => (n.Label, n.Id));
        var ids = nodes.Select(n => n.Id).Distinct(StringComparer.Ordinal).ToList();
        var found = new List<(GraphNode From, GraphEdge Edge, (string Label, string Id) Other)>();
        if (outgoing)
        {
            found.AddRange((await reader.EdgesAsync(new EdgeQuery(types, ids, null, asOf), ct))
                .Where(e => byKey.ContainsKey((e.FromLabel, e.FromId)))
                .Select(e => (byKey[(e.FromLabel, e.FromId)], e, (e.ToLabel, e.ToId))));
        }
        if (incoming)
        {
            found.AddRange((await reader.EdgesAsync(new EdgeQuery(types, null, ids, asOf), ct))
                .Where(e => byKey.ContainsKey((e.ToLabel, e.ToId)))
                .Select(e => (byKey[(e.ToLabel, e.ToId)], e, (e.FromLabel, e.FromId))));
        }
        var others = new Dictionary<(string, string), GraphNode>();
        foreach (var group in found.Select(f => f.Other).Distinct().GroupBy(o => o.Label))
        {
            foreach (var n in await reader.NodesAsync(group.Key, group.Select(o => o.Id).ToList(), ct))
            {
                others[(n.Label, n.Id)] = n;
            }
        }
        return found.Where(f => others.ContainsKey(f.Other)).Select(f => (f.From, f.Edge, others[f.Other])).ToList();
    }

    /// <summary>Breadth first from the start, one hop at a time, in either direction.</summary>
    public static async Task<PathAnswer> ShortestPathAsync(IGraphReader reader, string fromId, string toId, IReadOnlyCollection<string> types,
        int maxHops, DateOnly asOf, CancellationToken ct)
    {
        var start = await NodeAsync(reader, fromId, ct);
        var goal = await NodeAsync(reader, toId, ct);
        if (start is null || goal is null)
        {
            return new PathAnswer(start, goal, null, null);
        }
        var parent = new Dictionary<(string Label, string Id), (GraphNode Node, GraphEdge Edge)?> { [(start.Label, start.Id)] = null };
        var frontier = new List<GraphNode> { start };
        for (var hop = 0; hop < maxHops && frontier.Count > 0 && !parent.ContainsKey((goal.Label, goal.Id)); hop++)
        {
            var next = new List<GraphNode>();
            foreach (var (node, edge, neighbour) in await ExpandAsync(reader, frontier, types, true, true, asOf, ct))
            {
                if (parent.TryAdd((neighbour.Label, neighbour.Id), (node, edge)))
                {
                    next.Add(neighbour);
                }
            }
            frontier = next;
        }
        if (!parent.ContainsKey((goal.Label, goal.Id)))
        {
            return new PathAnswer(start, goal, null, null);
        }
        var pathNodes = new List<GraphNode> { goal };
        var pathEdges = new List<GraphEdge>();
        for (var step = parent[(goal.Label, goal.Id)]; step is { } s; step = parent[(s.Node.Label, s.Node.Id)])
        {
            pathEdges.Insert(0, s.Edge);
            pathNodes.Insert(0, s.Node);
        }
        return new PathAnswer(start, goal, pathNodes, pathEdges);
    }
}
