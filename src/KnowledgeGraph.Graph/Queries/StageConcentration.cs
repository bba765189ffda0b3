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
        var byCountry = await reader.StageCapacityAsync(Inputs.Stage("stage", stage), asOf, ct);
        var known = byCountry.Where(c => c.WithCapacity > 0).ToList();
        var total = known.Sum(c => c.CapacityTonnesPerYear);
        var shares = known
            .Select(c => new CountryShare(c.Country, c.CapacityTonnesPerYear, total == 0 ? 0 : Math.Round(100 * c.CapacityTonnesPerYear / total, 2), c.WithCapacity))
            .OrderByDescending(s => s.CapacityTonnesPerYear).ThenBy(s => s.Country, StringComparer.Ordinal)
            .ToList();
        var hhi = total == 0 ? 0 : Math.Round(known.Sum(c => Square(100 * c.CapacityTonnesPerYear / total)), 0);
        var operating = byCountry.Sum(c => c.WithCapacity + c.WithoutCapacity);
        return new Concentration(stage, asOf, total, operating, byCountry.Sum(c => c.WithoutCapacity), shares, hhi);
    }

    private static decimal Square(decimal x) => x * x;
}
