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
        var buyers = await reader.StrandedIfAsync(cut, products, Inputs.Bloc("bloc", bloc), asOf, ct);
        return buyers.Select(b => new StrandedFirm(b.Buyer, b.Suppliers)).ToList();
    }
}
