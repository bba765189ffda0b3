using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Graph.Model;

/// <summary>The nodes that exist without events: the vocabularies of docs/design.md.</summary>
public static class StaticGraph
{
    public static IReadOnlyList<GraphNode> Nodes { get; } =
    [
        .. Countries.NamesByCode.Select(c => new Country(c.Key, c.Value)),
        .. Vocabularies.Blocs.Order(StringComparer.Ordinal).Select(b => new Bloc(b, b)),
        .. Products.Categories.Order(StringComparer.Ordinal).Select(c => new Category(c, c)),
        .. Products.CategoryByProduct.Select(p => new Product(p.Key, p.Key, p.Value)),
    ];

    public static IReadOnlyList<GraphEdge> Edges { get; } = Products.CategoryByProduct
        .Select(p => (GraphEdge)new InCategory(p.Key, p.Value, DateOnly.MinValue, null, []))
        .ToList();
}
