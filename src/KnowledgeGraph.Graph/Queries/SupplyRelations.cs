using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

public sealed record SupplyTier(int Tier, IReadOnlyList<SupplyLink> Links);

/// <summary>Suppliers and customers in force, and the upstream chain tier by tier.</summary>
public static class SupplyRelations
{
    public const int MaxDepth = 8;

    public static Task<IReadOnlyList<SupplyLink>> SuppliersAsync(IGraphReader reader, string orgId, string? product, DateOnly asOf, CancellationToken ct) =>
        reader.SupplyLinksAsync(orgId, null, ProductsOf(product), asOf, ct);

    public static Task<IReadOnlyList<SupplyLink>> CustomersAsync(IGraphReader reader, string orgId, string? product, DateOnly asOf, CancellationToken ct) =>
        reader.SupplyLinksAsync(null, orgId, ProductsOf(product), asOf, ct);

    /// <summary>Tier 1 supplies the firm (with the product, when one is named), tier 2 supplies tier 1 with anything, and so on.</summary>
    public static async Task<IReadOnlyList<SupplyTier>> UpstreamAsync(IGraphReader reader, string orgId, string? product, int? depth, DateOnly asOf, CancellationToken ct)
    {
        var levels = Inputs.Range("depth", depth, 4, MaxDepth);
        var chain = await reader.SupplyChainAsync(orgId, ProductsOf(product), levels, asOf, ct);
        return chain.GroupBy(l => l.Tier).OrderBy(g => g.Key).Select(g => new SupplyTier(g.Key, g.Select(l => l.Link).ToList())).ToList();
    }

    private static IReadOnlySet<string>? ProductsOf(string? product) => product is null ? null : Inputs.Products("product", product);
}
