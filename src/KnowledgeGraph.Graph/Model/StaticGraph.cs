using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Graph.Model;

/// <summary>The nodes that exist without events: the vocabularies of docs/design.md.</summary>
public static class StaticGraph
{
    public static IReadOnlyList<GraphNode> Nodes { get; } =
    [
        .. Countries.NamesByCode.Select(c => Node(Labels.Country, c.Key, new JsonObject { ["name"] = c.Value })),
        .. Vocabularies.Blocs.Order(StringComparer.Ordinal).Select(b => Node(Labels.Bloc, b, new JsonObject { ["name"] = b })),
        .. Products.Categories.Order(StringComparer.Ordinal).Select(c => Node(Labels.Category, c, new JsonObject { ["name"] = c })),
        .. Products.CategoryByProduct.Select(p => Node(Labels.Product, p.Key, new JsonObject { ["name"] = p.Key, ["category"] = p.Value })),
    ];

    public static IReadOnlyList<GraphEdge> Edges { get; } = Products.CategoryByProduct
        .Select(p => new GraphEdge(Relationships.InCategory, Labels.Product, p.Key, Labels.Category, p.Value, p.Value, DateOnly.MinValue, null, [], []))
        .ToList();

    private static GraphNode Node(string label, string id, JsonObject properties) => new(label, id, null, properties, []);
}
