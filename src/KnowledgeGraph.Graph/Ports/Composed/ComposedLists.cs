using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>The lists by filter and the capacity of a stage, filtered in memory over the simple reads.</summary>
internal static class ComposedLists
{
    public static async Task<IReadOnlyList<CountryCapacity>> StageCapacityAsync(IGraphReader reader, Stage stage, DateOnly asOf, CancellationToken ct)
    {
        var operating = (await reader.EdgesAsync(new EdgeQuery([Relationships.Operates], null, null, asOf), ct))
            .OfType<Operates>().Where(e => e.IsOperating && e.Stage == stage).ToList();
        var facilities = (await reader.NodesAsync(Labels.Facility, operating.Select(e => e.ToId).Distinct().ToList(), ct)).OfType<Facility>().ToDictionary(n => n.Id);
        return operating.Where(e => facilities.ContainsKey(e.ToId))
            .GroupBy(e => facilities[e.ToId].Country)
            .Select(g => new CountryCapacity(g.Key, g.Sum(e => e.CapacityTonnesPerYear ?? 0),
                g.Count(e => e.CapacityTonnesPerYear is not null), g.Count(e => e.CapacityTonnesPerYear is null)))
            .OrderBy(c => c.Country, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<Page<GraphNode>> DealsAsync(IGraphReader reader, DealFilter f, string? after, int first, CancellationToken ct)
    {
        var parties = (await reader.EdgesAsync(new EdgeQuery([Relationships.PartyTo]), ct)).ToLookup(e => e.ToId, e => e.FromId);
        var inCountry = f.Country is null ? null
            : (await reader.EdgesAsync(new EdgeQuery([Relationships.BasedIn], null, [f.Country]), ct)).Select(e => e.FromId).ToHashSet(StringComparer.Ordinal);
        var deals = (await reader.AllNodesAsync(Labels.Deal, ct)).OfType<Deal>()
            .Where(d => d.IsValidAt(f.AsOf) && (f.Kind is null || d.Kind == f.Kind)
                && (f.Party is null || parties[d.Id].Contains(f.Party))
                && (inCountry is null || parties[d.Id].Any(inCountry.Contains))
                && (f.ProductCodes is null || d.ProductsTraded.Any(f.ProductCodes.Contains))
                && (f.From is null || d.ValidFrom >= f.From) && (f.To is null || d.ValidFrom <= f.To))
            .OrderBy(d => d.ValidFrom).ThenBy(d => d.Id, StringComparer.Ordinal).ToList<GraphNode>();
        var start = after is null ? 0 : deals.FindIndex(d => d.Id == after) + 1;
        return PageOf(deals, start, first);
    }

    public static async Task<Page<GraphNode>> FacilitiesAsync(IGraphReader reader, FacilityFilter f, string? after, int first, CancellationToken ct)
    {
        var withStatus = f.Status is null ? null
            : (await reader.EdgesAsync(new EdgeQuery([Relationships.Operates], null, null, f.AsOf), ct))
                .OfType<Operates>().Where(e => e.Status == f.Status).Select(e => e.ToId).ToHashSet(StringComparer.Ordinal);
        var facilities = (await reader.AllNodesAsync(Labels.Facility, ct)).OfType<Facility>()
            .Where(n => n.IsValidAt(f.AsOf) && Matches(n.Country, f.Country) && (f.Stage is null || n.Stage == f.Stage)
                && Matches(n.OperatorId, f.OperatorId) && (withStatus is null || withStatus.Contains(n.Id)))
            .ToList<GraphNode>();
        return PageAfter(facilities, after, first);
    }

    public static async Task<Page<GraphNode>> PoliciesAsync(IGraphReader reader, PolicyFilter f, string? after, int first, CancellationToken ct)
    {
        var policies = (await reader.AllNodesAsync(Labels.Policy, ct)).OfType<Policy>()
            .Where(p => p.IsValidAt(f.AsOf) && Matches(p.Jurisdiction, f.Jurisdiction) && (f.Kind is null || p.Kind == f.Kind) && (f.Status is null || p.Status == f.Status)
                && (f.Product is null || p.Products.Contains(f.Product))
                && (f.Beneficiary is null || p.BeneficiaryIds.Contains(f.Beneficiary)))
            .ToList<GraphNode>();
        return PageAfter(policies, after, first);
    }

    /// <summary>A page of nodes sorted by id, after the cursor id.</summary>
    private static Page<GraphNode> PageAfter(List<GraphNode> byId, string? after, int first) =>
        PageOf(byId, after is null ? 0 : byId.Count(n => string.CompareOrdinal(n.Id, after) <= 0), first);

    private static Page<GraphNode> PageOf(List<GraphNode> all, int start, int first) =>
        new(all.Skip(start).Take(first).ToList(), all.Count, all.Count > start + first);

    private static bool Matches(string value, string? wanted) => wanted is null || value == wanted;
}
