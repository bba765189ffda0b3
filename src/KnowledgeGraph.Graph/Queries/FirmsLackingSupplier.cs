using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Queries;

public sealed record FlagshipQuestion(
    string Product, string? Bloc, IReadOnlyList<string>? Countries, IReadOnlyList<string> ExcludeSupplierCountries,
    DateOnly AsOf, bool ConsiderOwnership = false);

/// <summary>A firm that lacks a supplier, the suppliers it has in force (all excluded, or none), and why it is listed.</summary>
public sealed record SupplyGap(GraphNode Organization, IReadOnlyList<SupplierInForce> Suppliers, string Reason);

/// <summary>
/// The flagship question of docs/design.md: the organizations in the bloc (member at the date) or the countries that need
/// the product (it or its category in what they consume, or they bought it before the date) and have no supply
/// agreement in force for it from a supplier outside the excluded countries. With ownership, a supplier controlled
/// (above 50 %, up the chain) from an excluded country is excluded too. The store answers; this checks and explains.
/// </summary>
public static class FirmsLackingSupplier
{
    public static async Task<IReadOnlyList<SupplyGap>> RunAsync(IGraphReader reader, FlagshipQuestion question, CancellationToken ct)
    {
        var products = Inputs.Products("product", question.Product);
        var bloc = Inputs.Bloc("bloc", question.Bloc);
        var countries = Inputs.CountryList("countries", question.Countries);
        var excluded = Inputs.CountryList("excludeSupplierCountries", question.ExcludeSupplierCountries).ToHashSet(StringComparer.Ordinal);
        if (bloc is null && countries.Count == 0)
        {
            throw new QueryInputException("bloc", "name a bloc or at least one country");
        }
        var lacking = await reader.FirmsLackingSupplierAsync(
            new LackQuestion(products, Inputs.NeedCodes(products), bloc, countries, excluded, question.AsOf, question.ConsiderOwnership), ct);
        return lacking.Select(f => new SupplyGap(f.Firm, f.Suppliers, Reason(f, question.Product, question.AsOf))).ToList();
    }

    private static string Reason(LackingFirm firm, string product, DateOnly asOf)
    {
        var need = firm.Consumes.Count > 0
            ? $"consumes {string.Join(", ", firm.Consumes)}"
            : $"bought {string.Join(", ", firm.Bought)} before {Dates.Format(asOf)}";
        return firm.Suppliers.Count == 0
            ? $"needs {product} ({need}) and has no supply agreement for it in force on {Dates.Format(asOf)}"
            : $"needs {product} ({need}) and every supplier in force on {Dates.Format(asOf)} is excluded: "
              + string.Join("; ", firm.Suppliers.Select(s => $"{s.Supplier.Id} ({s.ExcludedBecause})"));
    }
}
