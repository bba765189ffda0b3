using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The supply questions, each one statement of <see cref="Cypher"/>; C# only reads the rows.</summary>
public sealed partial class Neo4jGraphReader
{
    public async Task<IReadOnlyList<SupplyLink>> SupplyLinksAsync(string? buyer, string? supplier, IReadOnlySet<string>? products, DateOnly asOf,
        CancellationToken ct)
    {
        // The anchor an index can find: the buyer, else the supplier, else every agreement.
        var statement = buyer is not null ? Cypher.SupplyLinksToBuyer : supplier is not null ? Cypher.SupplyLinksFromSupplier : Cypher.SupplyLinksAll;
        var result = await client.RunAsync(statement, new JsonObject
        {
            ["buyer"] = buyer,
            ["supplier"] = supplier,
            ["products"] = ProductList(products),
            ["asOf"] = Neo4jRows.Date(asOf),
        }, ct);
        return result.Rows.Select(r => Link(r["supplier"], r["buyer"], r["agreement"])).ToList();
    }

    public async Task<IReadOnlyList<ChainLink>> SupplyChainAsync(string orgId, IReadOnlySet<string>? products, int depth, DateOnly asOf, CancellationToken ct)
    {
        var result = await client.RunAsync(Cypher.SupplyChain, new JsonObject
        {
            ["org"] = orgId,
            ["products"] = ProductList(products),
            ["depth"] = depth,
            ["asOf"] = Neo4jRows.Date(asOf),
        }, ct);
        return result.Rows.Select(r => new ChainLink((int)r.Number("tier"), Link(r["supplier"], r["buyer"], r["agreement"]))).ToList();
    }

    public async Task<IReadOnlyList<StrandedBuyer>> StrandedIfAsync(IReadOnlySet<string> cut, IReadOnlySet<string> products, string? bloc,
        DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var result = await client.RunAsync(Cypher.StrandedIf, new JsonObject
        {
            ["cut"] = Neo4jRows.Strings(cut),
            ["products"] = ProductList(products),
            ["bloc"] = bloc,
            ["asOf"] = Neo4jRows.Date(asOf),
        }, ct);
        // Every supplier listed is in a cut-off country: that is why its buyer is stranded.
        return result.Rows.Select(r => new StrandedBuyer(Neo4jMaps.Organization(r["buyer"]), r["suppliers"]!.AsArray()
            .Select(s => Supplier(s, Neo4jMaps.Text(s, "country"), null)).ToList())).ToList();
    }

    public async Task<IReadOnlyList<LackingFirm>> FirmsLackingSupplierAsync(LackQuestion question, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(question);
        var result = await client.RunAsync(Cypher.FirmsLackingSupplier, new JsonObject
        {
            ["countries"] = Neo4jRows.Strings(question.Countries),
            ["bloc"] = question.Bloc,
            ["asOf"] = Neo4jRows.Date(question.AsOf),
            ["needCodes"] = Neo4jRows.Strings(question.NeedCodes),
            ["products"] = Neo4jRows.Strings(question.Products),
            ["excluded"] = Neo4jRows.Strings(question.Excluded),
            ["ownership"] = question.ConsiderOwnership,
        }, ct);
        return result.Rows.Select(r => new LackingFirm(Neo4jMaps.Organization(r["firm"]), Neo4jMaps.Strings(r["consumes"]), Neo4jMaps.Strings(r["bought"]),
            r["suppliers"]!.AsArray().Select(s => Supplier(s, Neo4jMaps.OptionalText(s, "exclCountry"), Neo4jMaps.OptionalText(s, "exclOwner"))).ToList())).ToList();
    }

    private static JsonArray? ProductList(IReadOnlySet<string>? products) => products is null ? null : Neo4jRows.Strings(products);

    private static SupplyLink Link(JsonNode? supplier, JsonNode? buyer, JsonNode? agreement) =>
        new(Neo4jMaps.Organization(supplier), Neo4jMaps.Organization(buyer), Neo4jMaps.Edge(agreement));

    /// <summary>A supplier in force from its map (agreement, supplier, country), excluded for the country (and owner) given.</summary>
    private static SupplierInForce Supplier(JsonNode? map, string? excludedCountry, string? excludedOwner) => new(
        Neo4jMaps.Organization(map?["supplier"]), Neo4jMaps.Edge(map?["agreement"]), Neo4jMaps.OptionalText(map, "country"),
        excludedCountry is null ? null : new Exclusion(excludedCountry, excludedOwner));
}
