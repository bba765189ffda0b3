using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>
/// Controlling owners at a date: an owner whose completed equity or acquisition stakes in a firm add up to more than
/// 50 %, followed up the chain (the owner's own controlling owner, and so on), safe on cycles.
/// </summary>
internal sealed class ComposedOwnership
{
    private readonly Dictionary<string, string> _controllerOf = new(StringComparer.Ordinal);
    private Dictionary<string, string> _countries = [];

    public static async Task<ComposedOwnership> LoadAsync(IGraphReader reader, IEnumerable<string> orgIds, DateOnly asOf, CancellationToken ct)
    {
        var ownership = new ComposedOwnership();
        var seen = new HashSet<string>(orgIds, StringComparer.Ordinal);
        var frontier = seen.ToList();
        while (frontier.Count > 0)
        {
            var controllers = Owns.Controlling((await reader.EdgesAsync(new EdgeQuery([Relationships.Owns], null, frontier, asOf), ct)).OfType<Owns>())
                .ToList();
            foreach (var (owner, owned) in controllers)
            {
                ownership._controllerOf[owned] = owner;
            }
            frontier = controllers.Select(c => c.Owner).Where(seen.Add).ToList();
        }
        ownership._countries = await ComposedSupply.CountriesAsync(reader, ownership._controllerOf.Values.Distinct().ToList(), asOf, ct);
        return ownership;
    }

    /// <summary>The nearest owner up the chain above the firm that is based in an excluded country.</summary>
    public Exclusion? ExcludedController(string orgId, IReadOnlySet<string> excluded)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { orgId };
        for (var current = orgId; _controllerOf.TryGetValue(current, out var owner) && visited.Add(owner); current = owner)
        {
            if (_countries.GetValueOrDefault(owner) is { } country && excluded.Contains(country))
            {
                return new Exclusion(country, owner);
            }
        }
        return null;
    }
}
