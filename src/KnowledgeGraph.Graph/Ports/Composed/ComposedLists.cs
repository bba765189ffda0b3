using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>The lists by filter and the capacity of a stage, filtered in memory over the simple reads.</summary>
internal static class ComposedLists
{
    public static async Task<IReadOnlyList<CountryCapacity>> StageCapacityAsync(IGraphReader reader, string stage, DateOnly asOf, CancellationToken ct)
    {
        var operating = (await reader.EdgesAsync(new EdgeQuery([Relationships.Operates], null, null, asOf), ct))
            .Where(e => e.Text("status") == "operating" && e.Text("stage") == stage).ToList();
        var facilities = (await reader.NodesAsync(Labels.Facility, operating.Select(e => e.ToId).Distinct().ToList(), ct)).ToDictionary(n => n.Id);
        return operating.Where(e => facilities.ContainsKey(e.ToId))
            .GroupBy(e => facilities[e.ToId].Text("country")!)
            .Select(g => new CountryCapacity(g.Key, g.Sum(e => e.Number("capacityTonnesPerYear") ?? 0),
                g.Count(e => e.Number("capacityTonnesPerYear") is not null), g.Count(e => e.Number("capacityTonnesPerYear") is null)))
            .OrderBy(c => c.Country, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<Page<GraphNode>> DealsAsync(IGraphReader reader, DealFilter f, string? after, int first, CancellationToken ct)
    {
        var parties = (await reader.EdgesAsync(new EdgeQuery([Relationships.PartyTo]), ct)).ToLookup(e => e.ToId, e => e.FromId);
        var inCountry = f.Country is null ? null
            : (await reader.EdgesAsync(new EdgeQuery([Relationships.BasedIn], null, [f.Country]), ct)).Select(e => e.FromId).ToHashSet(StringComparer.Ordinal);
        var deals = (await reader.AllNodesAsync(Labels.Deal, ct))
            .Where(d => Matches(d, "kind", f.Kind)
                && (f.Party is null || parties[d.Id].Contains(f.Party))
                && (inCountry is null || parties[d.Id].Any(inCountry.Contains))
                && (f.ProductCodes is null || Strings(d, "products").Append(d.Text("product")).Any(c => c is not null && f.ProductCodes.Contains(c)))
                && (f.From is null || d.ValidFrom >= f.From) && (f.To is null || d.ValidFrom <= f.To))
            .OrderBy(d => d.ValidFrom).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var start = after is null ? 0 : deals.FindIndex(d => d.Id == after) + 1;
        return PageOf(deals, start, first);
    }

    public static async Task<Page<GraphNode>> FacilitiesAsync(IGraphReader reader, FacilityFilter f, string? after, int first, CancellationToken ct)
    {
        var withStatus = f.Status is null ? null
            : (await reader.EdgesAsync(new EdgeQuery([Relationships.Operates], null, null, f.AsOf), ct))
                .Where(e => e.Text("status") == f.Status).Select(e => e.ToId).ToHashSet(StringComparer.Ordinal);
        var facilities = (await reader.AllNodesAsync(Labels.Facility, ct))
            .Where(n => n.IsValidAt(f.AsOf) && Matches(n, "country", f.Country) && Matches(n, "stage", f.Stage)
                && Matches(n, "operatorId", f.OperatorId) && (withStatus is null || withStatus.Contains(n.Id)))
            .ToList();
        return PageAfter(facilities, after, first);
    }

    public static async Task<Page<GraphNode>> PoliciesAsync(IGraphReader reader, PolicyFilter f, string? after, int first, CancellationToken ct)
    {
        var policies = (await reader.AllNodesAsync(Labels.Policy, ct))
            .Where(p => Matches(p, "jurisdiction", f.Jurisdiction) && Matches(p, "kind", f.Kind) && Matches(p, "status", f.Status)
                && (f.Product is null || Strings(p, "products").Contains(f.Product))
                && (f.Beneficiary is null || Strings(p, "beneficiaryIds").Contains(f.Beneficiary)))
            .ToList();
        return PageAfter(policies, after, first);
    }

    /// <summary>A page of nodes sorted by id, after the cursor id.</summary>
    private static Page<GraphNode> PageAfter(List<GraphNode> byId, string? after, int first) =>
        PageOf(byId, after is null ? 0 : byId.Count(n => string.CompareOrdinal(n.Id, after) <= 0), first);

    private static Page<GraphNode> PageOf(List<GraphNode> all, int start, int first) =>
        new(all.Skip(start).Take(first).ToList(), all.Count, all.Count > start + first);

    private static bool Matches(GraphNode node, string key, string? wanted) => wanted is null || node.Text(key) == wanted;

    private static IEnumerable<string?> Strings(GraphNode node, string key) =>
        node.Properties[key] is JsonArray array ? array.Select(v => v?.GetValue<string>()) : [];
}
