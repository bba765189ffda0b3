using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

/// <summary>
/// Controlling owners at a date: an owner whose completed equity or acquisition stakes in a firm add up to more than
/// 50 %, followed up the chain (the owner's own controlling owner, and so on), safe on cycles.
/// </summary>
internal sealed class Ownership
{
    private readonly Dictionary<string, string> _controllerOf = new(StringComparer.Ordinal);

    public Dictionary<string, string> Countries { get; } = new(StringComparer.Ordinal);

    public static async Task<Ownership> LoadAsync(IGraphReader reader, IEnumerable<string> orgIds, DateOnly asOf, CancellationToken ct)
    {
        var ownership = new Ownership();
        var seen = new HashSet<string>(orgIds, StringComparer.Ordinal);
        var frontier = seen.ToList();
        while (frontier.Count > 0)
        {
            var stakes = await reader.EdgesAsync(new EdgeQuery([Relationships.Owns], null, frontier, asOf), ct);
            var controllers = stakes
                .GroupBy(e => (Owner: e.FromId, Target: e.ToId))
                .Where(g => g.Sum(e => e.Number("stakePercent") ?? 0) > 50)
                .ToList();
            foreach (var control in controllers)
            {
                ownership._controllerOf[control.Key.Target] = control.Key.Owner;
            }
            frontier = controllers.Select(c => c.Key.Owner).Where(seen.Add).ToList();
        }
        foreach (var (org, country) in await SupplyFacts.CountriesAsync(reader, ownership._controllerOf.Values.Distinct().ToList(), asOf, ct))
        {
            ownership.Countries[org] = country;
        }
        return ownership;
    }

    /// <summary>The chain of controlling owners above a firm, nearest first.</summary>
    public IEnumerable<string> ChainAbove(string orgId)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { orgId };
        for (var current = orgId; _controllerOf.TryGetValue(current, out var owner) && visited.Add(owner); current = owner)
        {
            yield return owner;
        }
    }
}
