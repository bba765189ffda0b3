using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>The supply questions over the simple reads, for an adapter without native statements for them.</summary>
internal static class ComposedSupply
{
    public static async Task<IReadOnlyList<SupplyLink>> LinksAsync(IGraphReader reader, string? buyer, string? supplier,
        IReadOnlySet<string>? products, DateOnly asOf, CancellationToken ct) =>
        await ToLinksAsync(reader, await InForceAsync(reader, asOf, products, buyer is null ? null : [buyer], supplier is null ? null : [supplier], ct), ct);

    public static async Task<IReadOnlyList<LackingFirm>> LackingAsync(IGraphReader reader, LackQuestion q, CancellationToken ct)
    {
        var countries = q.Countries.ToHashSet(StringComparer.Ordinal);
        if (q.Bloc is not null)
        {
            countries.UnionWith(await MembersAsync(reader, q.Bloc, q.AsOf, ct));
        }
        var based = await reader.EdgesAsync(new EdgeQuery([Relationships.BasedIn], null, countries, q.AsOf), ct);
        var firms = (await NodesAsync(reader, based.Select(e => e.FromId), ct)).Values.Where(n => n.IsValidAt(q.AsOf)).Select(n => n.Id).ToList();
        var consumes = (await reader.EdgesAsync(new EdgeQuery([Relationships.Needs], firms, null, q.AsOf), ct))
            .Where(e => q.NeedCodes.Contains(e.ToId)).ToLookup(e => e.FromId, e => e.ToId);
        var bought = (await reader.EdgesAsync(new EdgeQuery([Relationships.Supplies], null, firms), ct)).OfType<Supplies>()
            .Where(e => e.InForce && q.Products.Contains(e.Product) && e.ValidFrom < q.AsOf)
            .ToLookup(e => e.ToId, e => e.Product);
        var needing = firms.Where(f => consumes.Contains(f) || bought.Contains(f)).ToList();

        var inForce = await InForceAsync(reader, q.AsOf, q.Products, needing, null, ct);
        var described = await DescribeAsync(reader, inForce, q.Excluded, q.ConsiderOwnership, q.AsOf, ct);
        var nodes = await NodesAsync(reader, needing, ct);
        return needing.Where(nodes.ContainsKey).Order(StringComparer.Ordinal)
            .Select(f => (Firm: f, Suppliers: described.Where(s => s.Agreement.ToId == f).ToList()))
            .Where(f => f.Suppliers.All(s => s.Excluded is not null))
            .Select(f => new LackingFirm(nodes[f.Firm], Sorted(consumes[f.Firm]), consumes.Contains(f.Firm) ? [] : Sorted(bought[f.Firm]), f.Suppliers))
            .ToList();
    }

    public static async Task<IReadOnlyList<StrandedBuyer>> StrandedAsync(IGraphReader reader, IReadOnlySet<string> cut, IReadOnlySet<string> products,
        string? bloc, DateOnly asOf, CancellationToken ct)
    {
        var inBloc = bloc is null ? null : await MembersAsync(reader, bloc, asOf, ct);
        var inForce = await InForceAsync(reader, asOf, products, null, null, ct);
        var buyers = await NodesAsync(reader, inForce.Select(e => e.ToId), ct);
        var buyerCountries = await CountriesAsync(reader, buyers.Keys, asOf, ct);
        var described = await DescribeAsync(reader, inForce.Where(e => buyers.ContainsKey(e.ToId)).ToList(), cut, false, asOf, ct);
        return described.GroupBy(s => s.Agreement.ToId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Where(g => inBloc is null || inBloc.Contains(buyerCountries.GetValueOrDefault(g.Key) ?? ""))
            .Where(g => g.All(s => s.Excluded is not null))
            .Select(g => new StrandedBuyer(buyers[g.Key], g.ToList()))
            .ToList();
    }

    public static async Task<IReadOnlyList<ChainLink>> ChainAsync(IGraphReader reader, string orgId, IReadOnlySet<string>? products, int depth,
        DateOnly asOf, CancellationToken ct)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { orgId };
        var frontier = new List<string> { orgId };
        var chain = new List<ChainLink>();
        for (var tier = 1; tier <= depth && frontier.Count > 0; tier++)
        {
            var links = await ToLinksAsync(reader, await InForceAsync(reader, asOf, tier == 1 ? products : null, frontier, null, ct), ct);
            chain.AddRange(links.Select(l => new ChainLink(tier, l)));
            frontier = links.Select(l => l.Supplier.Id).Distinct(StringComparer.Ordinal).Where(visited.Add).ToList();
        }
        return chain;
    }

    /// <summary>Each agreement's supplier (that exists), where it is based, and why it is excluded, if it is.</summary>
    private static async Task<List<SupplierInForce>> DescribeAsync(IGraphReader reader, IReadOnlyList<GraphEdge> inForce, IReadOnlySet<string> excluded,
        bool ownership, DateOnly asOf, CancellationToken ct)
    {
        var supplierIds = inForce.Select(e => e.FromId).Distinct(StringComparer.Ordinal).ToList();
        var suppliers = await NodesAsync(reader, supplierIds, ct);
        var countries = await CountriesAsync(reader, supplierIds, asOf, ct);
        var owners = ownership ? await ComposedOwnership.LoadAsync(reader, supplierIds, asOf, ct) : null;
        return inForce.Where(e => suppliers.ContainsKey(e.FromId)).Select(e =>
        {
            var country = countries.GetValueOrDefault(e.FromId);
            var exclusion = country is not null && excluded.Contains(country) ? new Exclusion(country, null) : owners?.ExcludedController(e.FromId, excluded);
            return new SupplierInForce(suppliers[e.FromId], e, country, exclusion);
        }).ToList();
    }

    private static async Task<IReadOnlyList<GraphEdge>> InForceAsync(IGraphReader reader, DateOnly asOf, IReadOnlySet<string>? products,
        IReadOnlyCollection<string>? buyers, IReadOnlyCollection<string>? suppliers, CancellationToken ct) =>
        (await reader.EdgesAsync(new EdgeQuery([Relationships.Supplies], suppliers, buyers, asOf), ct)).OfType<Supplies>()
            .Where(e => e.InForce && (products is null || products.Contains(e.Product))).ToList<GraphEdge>();

    private static async Task<IReadOnlyList<SupplyLink>> ToLinksAsync(IGraphReader reader, IReadOnlyList<GraphEdge> edges, CancellationToken ct)
    {
        var nodes = await NodesAsync(reader, edges.SelectMany(e => new[] { e.FromId, e.ToId }), ct);
        return edges.Where(e => nodes.ContainsKey(e.FromId) && nodes.ContainsKey(e.ToId)).Select(e => new SupplyLink(nodes[e.FromId], nodes[e.ToId], e)).ToList();
    }

    internal static async Task<Dictionary<string, string>> CountriesAsync(IGraphReader reader, IReadOnlyCollection<string> orgIds, DateOnly asOf, CancellationToken ct) =>
        orgIds.Count == 0 ? []
            : (await reader.EdgesAsync(new EdgeQuery([Relationships.BasedIn], orgIds, null, asOf), ct))
                .GroupBy(e => e.FromId).ToDictionary(g => g.Key, g => g.First().ToId, StringComparer.Ordinal);

    private static async Task<IReadOnlySet<string>> MembersAsync(IGraphReader reader, string bloc, DateOnly asOf, CancellationToken ct) =>
        (await reader.EdgesAsync(new EdgeQuery([Relationships.MemberOf], null, [bloc], asOf), ct)).Select(e => e.FromId).ToHashSet(StringComparer.Ordinal);

    private static async Task<Dictionary<string, GraphNode>> NodesAsync(IGraphReader reader, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0 ? [] : (await reader.NodesAsync(Labels.Organization, wanted, ct)).ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    private static List<string> Sorted(IEnumerable<string> codes) => codes.Distinct().Order(StringComparer.Ordinal).ToList();
}
