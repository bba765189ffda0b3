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
/// (above 50 %, up the chain) from an excluded country is excluded too.
/// </summary>
public static class FirmsLackingSupplier
{
    public static async Task<IReadOnlyList<SupplyGap>> RunAsync(IGraphReader reader, FlagshipQuestion question, CancellationToken ct)
    {
        var products = Inputs.Products("product", question.Product);
        var bloc = Inputs.Bloc("bloc", question.Bloc);
        var countries = Inputs.CountryList("countries", question.Countries).ToHashSet(StringComparer.Ordinal);
        var excluded = Inputs.CountryList("excludeSupplierCountries", question.ExcludeSupplierCountries).ToHashSet(StringComparer.Ordinal);
        if (bloc is null && countries.Count == 0)
        {
            throw new QueryInputException("bloc", "name a bloc or at least one country");
        }
        var asOf = question.AsOf;
        if (bloc is not null)
        {
            countries.UnionWith(await SupplyFacts.MembersAsync(reader, bloc, asOf, ct));
        }

        var based = await reader.EdgesAsync(new EdgeQuery([Relationships.BasedIn], null, countries, asOf), ct);
        var firms = (await SupplyFacts.NodesAsync(reader, Labels.Organization, based.Select(e => e.FromId), ct))
            .Values.Where(n => n.IsValidAt(asOf)).Select(n => n.Id).ToList();
        var needs = await NeedsAsync(reader, firms, products, asOf, ct);

        var inForce = await SupplyFacts.InForceAsync(reader, asOf, products, needs.Keys, null, ct);
        var supplierIds = inForce.Select(e => e.FromId).Distinct(StringComparer.Ordinal).ToList();
        var supplierCountries = await SupplyFacts.CountriesAsync(reader, supplierIds, asOf, ct);
        var ownership = question.ConsiderOwnership ? await Ownership.LoadAsync(reader, supplierIds, asOf, ct) : null;
        var nodes = await SupplyFacts.NodesAsync(reader, Labels.Organization, [.. needs.Keys, .. supplierIds], ct);

        var gaps = new List<SupplyGap>();
        foreach (var (firm, need) in needs.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            var suppliers = inForce.Where(e => e.ToId == firm && nodes.ContainsKey(e.FromId))
                .Select(e => Describe(nodes[e.FromId], e, supplierCountries.GetValueOrDefault(e.FromId), excluded, ownership))
                .ToList();
            if (suppliers.All(s => s.ExcludedBecause is not null))
            {
                gaps.Add(new SupplyGap(nodes[firm], suppliers, Reason(need, question.Product, suppliers, asOf)));
            }
        }
        return gaps;
    }

    /// <summary>Why each firm needs the product: what it consumes, or that it bought it before the date.</summary>
    private static async Task<Dictionary<string, string>> NeedsAsync(IGraphReader reader, IReadOnlyCollection<string> firms,
        IReadOnlySet<string> products, DateOnly asOf, CancellationToken ct)
    {
        var needCodes = Inputs.NeedCodes(products);
        var consumes = (await reader.EdgesAsync(new EdgeQuery([Relationships.Needs], firms, null, asOf), ct))
            .Where(e => needCodes.Contains(e.ToId));
        var bought = (await reader.EdgesAsync(new EdgeQuery([Relationships.Supplies], null, firms), ct))
            .Where(e => e.Text("status") == "signed" && products.Contains(e.Text("product")!) && e.ValidFrom < asOf);
        var needs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in consumes.GroupBy(e => e.FromId))
        {
            needs[group.Key] = $"consumes {string.Join(", ", group.Select(e => e.ToId).Distinct().Order(StringComparer.Ordinal))}";
        }
        foreach (var group in bought.GroupBy(e => e.ToId).Where(g => !needs.ContainsKey(g.Key)))
        {
            needs[group.Key] = $"bought {string.Join(", ", group.Select(e => e.Text("product")).Distinct().Order(StringComparer.Ordinal))} before {Dates.Format(asOf)}";
        }
        return needs;
    }

    internal static SupplierInForce Describe(GraphNode supplier, GraphEdge agreement, string? country, IReadOnlySet<string> excluded, Ownership? ownership)
    {
        if (country is not null && excluded.Contains(country))
        {
            return new SupplierInForce(supplier, agreement, country, $"based in {country}");
        }
        var controller = ownership?.ChainAbove(supplier.Id)
            .Select(owner => (Owner: owner, Country: ownership.Countries.GetValueOrDefault(owner)))
            .FirstOrDefault(o => o.Country is not null && excluded.Contains(o.Country));
        return new SupplierInForce(supplier, agreement, country,
            controller?.Owner is { } owner ? $"controlled by {owner} ({controller.Value.Country})" : null);
    }

    private static string Reason(string need, string product, List<SupplierInForce> suppliers, DateOnly asOf) =>
        suppliers.Count == 0
            ? $"needs {product} ({need}) and has no supply agreement for it in force on {Dates.Format(asOf)}"
            : $"needs {product} ({need}) and every supplier in force on {Dates.Format(asOf)} is excluded: "
              + string.Join("; ", suppliers.Select(s => $"{s.Supplier.Id} ({s.ExcludedBecause})"));
}
