using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

/// <summary>One link of a supply chain: who supplies whom, under which agreement.</summary>
public sealed record SupplyLink(GraphNode Supplier, GraphNode Buyer, GraphEdge Agreement);

public sealed record SupplyTier(int Tier, IReadOnlyList<SupplyLink> Links);

/// <summary>Suppliers and customers in force, and the upstream chain tier by tier.</summary>
public static class SupplyRelations
{
    public const int MaxDepth = 8;

    public static Task<IReadOnlyList<SupplyLink>> SuppliersAsync(IGraphReader reader, string orgId, string? product, DateOnly asOf, CancellationToken ct) =>
        LinksAsync(reader, product, asOf, buyers: [orgId], suppliers: null, ct);

    public static Task<IReadOnlyList<SupplyLink>> CustomersAsync(IGraphReader reader, string orgId, string? product, DateOnly asOf, CancellationToken ct) =>
        LinksAsync(reader, product, asOf, buyers: null, suppliers: [orgId], ct);

    /// <summary>
    /// Tier 1 supplies the firm (with the product, when one is named), tier 2 supplies tier 1 with anything, and so on
    /// up to the depth; a firm met again is not followed twice, so cycles end.
    /// </summary>
    public static async Task<IReadOnlyList<SupplyTier>> UpstreamAsync(IGraphReader reader, string orgId, string? product, int? depth, DateOnly asOf, CancellationToken ct)
    {
        var levels = Inputs.Range("depth", depth, 4, MaxDepth);
        var products = product is null ? null : Inputs.Products("product", product);
        var visited = new HashSet<string>(StringComparer.Ordinal) { orgId };
        var frontier = new List<string> { orgId };
        var tiers = new List<SupplyTier>();
        for (var tier = 1; tier <= levels && frontier.Count > 0; tier++)
        {
            var edges = await SupplyFacts.InForceAsync(reader, asOf, tier == 1 ? products : null, frontier, null, ct);
            var links = await ToLinksAsync(reader, edges, ct);
            if (links.Count == 0)
            {
                break;
            }
            tiers.Add(new SupplyTier(tier, links));
            frontier = links.Select(l => l.Supplier.Id).Distinct(StringComparer.Ordinal).Where(visited.Add).ToList();
        }
        return tiers;
    }

    private static async Task<IReadOnlyList<SupplyLink>> LinksAsync(IGraphReader reader, string? product, DateOnly asOf,
        IReadOnlyCollection<string>? buyers, IReadOnlyCollection<string>? suppliers, CancellationToken ct)
    {
        var products = product is null ? null : Inputs.Products("product", product);
        return await ToLinksAsync(reader, await SupplyFacts.InForceAsync(reader, asOf, products, buyers, suppliers, ct), ct);
    }

    internal static async Task<IReadOnlyList<SupplyLink>> ToLinksAsync(IGraphReader reader, IReadOnlyList<GraphEdge> edges, CancellationToken ct)
    {
        var nodes = await SupplyFacts.NodesAsync(reader, Labels.Organization, edges.SelectMany(e => new[] { e.FromId, e.ToId }), ct);
        return edges.Where(e => nodes.ContainsKey(e.FromId) && nodes.ContainsKey(e.ToId))
            .Select(e => new SupplyLink(nodes[e.FromId], nodes[e.ToId], e))
            .ToList();
    }
}
