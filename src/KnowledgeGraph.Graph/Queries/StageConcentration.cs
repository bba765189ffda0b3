using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

public sealed record CountryShare(string Country, decimal CapacityTonnesPerYear, decimal SharePercent, int Facilities);

/// <summary>
/// Operating capacity of a stage by country at a date, and the Herfindahl-Hirschman index of those shares
/// (sum of squared percentage shares: 10,000 is one country alone). Facilities without a stated capacity are counted apart.
/// </summary>
public sealed record Concentration(string Stage, DateOnly AsOf, decimal TotalCapacityTonnesPerYear, int OperatingFacilities,
    int FacilitiesWithoutCapacity, IReadOnlyList<CountryShare> Countries, decimal Hhi);

public static class StageConcentration
{
    public static async Task<Concentration> RunAsync(IGraphReader reader, string stage, DateOnly asOf, CancellationToken ct)
    {
        Inputs.Stage("stage", stage);
        var operating = (await reader.EdgesAsync(new EdgeQuery([Relationships.Operates], null, null, asOf), ct))
            .Where(e => e.Text("status") == "operating" && e.Text("stage") == stage)
            .ToList();
        var facilities = await SupplyFacts.NodesAsync(reader, Labels.Facility, operating.Select(e => e.ToId), ct);
        var rows = operating.Where(e => facilities.ContainsKey(e.ToId))
            .Select(e => (Country: facilities[e.ToId].Text("country")!, Capacity: e.Number("capacityTonnesPerYear")))
            .ToList();
        var known = rows.Where(r => r.Capacity is not null).ToList();
        var total = known.Sum(r => r.Capacity!.Value);
        var shares = known.GroupBy(r => r.Country)
            .Select(g => (Country: g.Key, Capacity: g.Sum(r => r.Capacity!.Value), Facilities: g.Count()))
            .Select(g => new CountryShare(g.Country, g.Capacity, total == 0 ? 0 : Math.Round(100 * g.Capacity / total, 2), g.Facilities))
            .OrderByDescending(s => s.CapacityTonnesPerYear).ThenBy(s => s.Country, StringComparer.Ordinal)
            .ToList();
        var hhi = total == 0 ? 0 : Math.Round(known.GroupBy(r => r.Country).Sum(g => Square(100 * g.Sum(r => r.Capacity!.Value) / total)), 0);
        return new Concentration(stage, asOf, total, rows.Count, rows.Count - known.Count, shares, hhi);
    }

    private static decimal Square(decimal x) => x * x;
}
