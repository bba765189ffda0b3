using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Bench.Load;

/// <summary>The README's questions, as GraphQL requests on a generated store: one organization and a second to reach by path.</summary>
public static class ReadmeQuestions
{
    private const string AsOf = "2025-11-01";

    public static IReadOnlyList<(string Name, byte[] Body)> For(string orgId, string otherId) =>
    [
        ("firmsLackingSupplier (ndfeb-magnet, NATO, excluding CN, ownership)",
            Body($$"""{ firmsLackingSupplier(product: "ndfeb-magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "{{AsOf}}", considerOwnership: true) { totalCount nodes { organization { id } suppliers { id country } reason } } }""")),
        ("deals(kind: supply, country: US)", Body("""{ deals(kind: SUPPLY, country: "US") { totalCount nodes { id kind status product } } }""")),
        ("stageConcentration(separation)",
            Body($$"""{ stageConcentration(stage: SEPARATION, asOf: "{{AsOf}}") { totalCapacityTonnesPerYear operatingFacilities hhi countries { country sharePercent } } }""")),
        ("search(magnet)", Body("""{ search(text: "magnet") { totalCount nodes { __typename id ... on Organization { name } ... on Facility { name } ... on Policy { title } } } }""")),
        ("organization with suppliers",
            Body($$"""{ organization(id: "{{orgId}}") { name country suppliers(product: "magnet", asOf: "{{AsOf}}") { supplier { id country } product validFrom sources { source { publisher } } } } }""")),
        ("supplyChain(depth 3)", Body($$"""{ supplyChain(orgId: "{{orgId}}", depth: 3, asOf: "{{AsOf}}") { tier links { supplier { id country } buyer { id } product } } }""")),
        ("shortestPath(maxHops 4)",
            Body($$"""{ shortestPath(from: "{{otherId}}", to: "{{orgId}}", maxHops: 4, asOf: "{{AsOf}}") { length nodes { __typename id } relationships { type } } }""")),
        ("strandedIf(CN, ndfeb-magnet, NATO)",
            Body($$"""{ strandedIf(cutCountries: ["CN"], product: "ndfeb-magnet", bloc: "NATO", asOf: "{{AsOf}}") { organization { id } lostSuppliers { organization { id } } } }""")),
        ("neighbours", Body($$"""{ neighbours(id: "{{orgId}}", asOf: "{{AsOf}}") { totalCount nodes { relationship { type } node { __typename id } } } }""")),
        ("organizations(NATO, first 20)", Body($$"""{ organizations(filter: {bloc: "NATO"}, first: 20, asOf: "{{AsOf}}") { totalCount nodes { id name } } }""")),
    ];

    private static byte[] Body(string query) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["query"] = query });
}
