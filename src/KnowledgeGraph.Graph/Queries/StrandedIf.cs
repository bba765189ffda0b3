using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

/// <summary>A firm that would lose every supplier of the product, and the suppliers it would lose.</summary>
public sealed record StrandedFirm(GraphNode Organization, IReadOnlyList<SupplierInForce> LostSuppliers);

/// <summary>What-if: the firms (in the bloc, when one is named) whose every supplier in force is in a cut-off country.</summary>
public static class StrandedIf
{
    public static async Task<IReadOnlyList<StrandedFirm>> RunAsync(IGraphReader reader, IReadOnlyList<string> cutCountries, string product,
        string? bloc, DateOnly asOf, CancellationToken ct)
    {
        var cut = Inputs.CountryList("cutCountries", cutCountries).ToHashSet(StringComparer.Ordinal);
        var products = Inputs.Products("product", product);
        var inBloc = Inputs.Bloc("bloc", bloc) is { } b ? await SupplyFacts.MembersAsync(reader, b, asOf, ct) : null;

        var inForce = await SupplyFacts.InForceAsync(reader, asOf, products, null, null, ct);
        var firms = inForce.Select(e => e.FromId).Concat(inForce.Select(e => e.ToId)).Distinct(StringComparer.Ordinal).ToList();
        var countries = await SupplyFacts.CountriesAsync(reader, firms, asOf, ct);
        var nodes = await SupplyFacts.NodesAsync(reader, Labels.Organization, firms, ct);

        var stranded = new List<StrandedFirm>();
        foreach (var buyer in inForce.GroupBy(e => e.ToId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!nodes.ContainsKey(buyer.Key) || (inBloc is not null && !inBloc.Contains(countries.GetValueOrDefault(buyer.Key) ?? "")))
            {
                continue;
            }
            var suppliers = buyer.Where(e => nodes.ContainsKey(e.FromId))
                .Select(e => FirmsLackingSupplier.Describe(nodes[e.FromId], e, countries.GetValueOrDefault(e.FromId), cut, null))
                .ToList();
            if (suppliers.Count > 0 && suppliers.All(s => s.ExcludedBecause is not null))
            {
                stranded.Add(new StrandedFirm(nodes[buyer.Key], suppliers));
            }
        }
        return stranded;
    }
}
