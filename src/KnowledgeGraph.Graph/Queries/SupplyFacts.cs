using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

/// <summary>A supplier as an answer lists it: the agreement in force, where the supplier is, and why it is excluded, if it is.</summary>
public sealed record SupplierInForce(GraphNode Supplier, GraphEdge Agreement, string? Country, string? ExcludedBecause);

/// <summary>The reads the supply analyses share, all at one world date.</summary>
internal static class SupplyFacts
{
    /// <summary>Supply agreements in force: signed, valid at the date, for one of the products (any product when null).</summary>
    public static async Task<IReadOnlyList<GraphEdge>> InForceAsync(IGraphReader reader, DateOnly asOf, IReadOnlySet<string>? products,
        IReadOnlyCollection<string>? buyers, IReadOnlyCollection<string>? suppliers, CancellationToken ct)
    {
        var edges = await reader.EdgesAsync(new EdgeQuery([Relationships.Supplies], suppliers, buyers, asOf), ct);
        return edges.Where(e => e.Text("status") == "signed" && (products is null || products.Contains(e.Text("product")!))).ToList();
    }

    /// <summary>The country each organization is based in at the date.</summary>
    public static async Task<Dictionary<string, string>> CountriesAsync(IGraphReader reader, IReadOnlyCollection<string> orgIds, DateOnly asOf, CancellationToken ct)
    {
        if (orgIds.Count == 0)
        {
            return [];
        }
        var edges = await reader.EdgesAsync(new EdgeQuery([Relationships.BasedIn], orgIds, null, asOf), ct);
        return edges.GroupBy(e => e.FromId).ToDictionary(g => g.Key, g => g.First().ToId, StringComparer.Ordinal);
    }

    /// <summary>The countries that are members of the bloc at the date.</summary>
    public static async Task<IReadOnlySet<string>> MembersAsync(IGraphReader reader, string bloc, DateOnly asOf, CancellationToken ct) =>
        (await reader.EdgesAsync(new EdgeQuery([Relationships.MemberOf], null, [bloc], asOf), ct)).Select(e => e.FromId).ToHashSet(StringComparer.Ordinal);

    public static async Task<Dictionary<string, GraphNode>> NodesAsync(IGraphReader reader, string label, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0 ? [] : (await reader.NodesAsync(label, wanted, ct)).ToDictionary(n => n.Id, StringComparer.Ordinal);
    }
}
