using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

public sealed record GraphPath(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>Neighbours of a node, and the shortest path between two nodes, over relationships valid at a date.</summary>
public static class GraphPaths
{
    public const int MaxHops = 8;

    /// <summary>What neighbours and paths follow when no type is named: every relationship but a product's category.</summary>
    public static readonly IReadOnlyList<string> Traversed = Relationships.All.Where(r => r != Relationships.InCategory).ToArray();

    /// <summary>A page of the node's neighbours (every type but a product's category when none is named); refused for an unknown id.</summary>
    public static async Task<Page<Neighbour>> NeighboursAsync(IGraphReader reader, string id, IReadOnlyCollection<string>? types,
        bool outgoing, bool incoming, DateOnly asOf, int skip, int first, CancellationToken ct) =>
        await reader.NeighboursAsync(id, types is { Count: > 0 } ? types : Traversed, outgoing, incoming, asOf, skip, first, ct)
        ?? throw new QueryInputException("id", $"no node with id '{id}'");

    /// <summary>A shortest path in either direction; null when there is none within the hops.</summary>
    public static async Task<GraphPath?> ShortestAsync(IGraphReader reader, string fromId, string toId, int? maxHops, DateOnly asOf, CancellationToken ct)
    {
        var hops = Inputs.Range("maxHops", maxHops, 4, MaxHops);
        var answer = await reader.ShortestPathAsync(fromId, toId, Traversed, hops, asOf, ct);
        _ = answer.From ?? throw new QueryInputException("from", $"no node with id '{fromId}'");
        _ = answer.To ?? throw new QueryInputException("to", $"no node with id '{toId}'");
        return answer.Nodes is { } nodes && answer.Edges is { } edges ? new GraphPath(nodes, edges) : null;
    }
}
