using System.Text.Json;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Every method of the graph port asked of PostgreSQL and of another reader over the same scenario: the answers must be
/// equal, compared as canonical JSON (key order irrelevant, numbers as decimals). The other reader is the port's composed
/// defaults (always) or Neo4j (when KG_NEO4J_URL is set), at the default view and at an earlier knowledge point and a
/// past date of attributes (which Neo4j answers from its history).
/// </summary>
[Collection(SharedGraphStores.Name)]
public class StoreComparisonTests(ScenarioGraphs graphs) : IClassFixture<ScenarioGraphs>
{
    private static readonly DateOnly Mid2025 = new(2025, 6, 1);

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var adapter in new[] { ScenarioGraphs.Composed, GraphSettings.Neo4jStore })
        {
            foreach (var question in Questions.Keys)
            {
                cases.Add(question, adapter);
            }
        }
        return cases;
    }

    private static readonly Dictionary<string, Func<IGraphReader, CancellationToken, Task<object?>>> Questions = new()
    {
        ["nodes"] = async (r, ct) => await r.NodesAsync(Labels.Organization, ["vac", "gm", "nobody"], ct),
        ["allNodes"] = async (r, ct) => await r.AllNodesAsync(Labels.Facility, ct),
        ["edges"] = async (r, ct) => await r.EdgesAsync(new EdgeQuery([Relationships.Owns, Relationships.Supplies], AsOf: Mid2025), ct),
        ["edgesFrom"] = async (r, ct) => await r.EdgesAsync(new EdgeQuery([Relationships.Supplies], FromIds: ["jl-mag"]), ct),
        ["node"] = async (r, ct) => new[] { await r.NodeAsync("gm", ct), await r.NodeAsync("DE", ct), await r.NodeAsync("nobody", ct) },
        ["neighbours"] = async (r, ct) => new[]
        {
            await r.NeighboursAsync("DE", GraphPaths.Traversed, true, true, Mid2025, 0, 500, ct), await r.NeighboursAsync("DE", GraphPaths.Traversed, true, true, Mid2025, 2, 3, ct),
            await r.NeighboursAsync("gm", [Relationships.Supplies], false, true, Mid2025, 0, 2, ct), await r.NeighboursAsync("nobody", GraphPaths.Traversed, true, true, Mid2025, 0, 20, ct),
        },
        ["supplyLinks"] = async (r, ct) => new[]
        {
            await r.SupplyLinksAsync("gm", null, null, Mid2025, ct), await r.SupplyLinksAsync(null, "jl-mag", null, Mid2025, ct),
            await r.SupplyLinksAsync("volvo-cars", null, Inputs.Products("product", "magnet"), new DateOnly(2022, 1, 1), ct),
        },
        ["firmsLackingSupplier"] = async (r, ct) => await FirmsLackingSupplier.RunAsync(r, new("ndfeb-magnet", "NATO", null, ["CN"], Mid2025, true), ct),
        ["supplyChain"] = async (r, ct) => await r.SupplyChainAsync("gm", Inputs.Products("product", "ndfeb-magnet"), 6, Mid2025, ct),
        ["shortestPath"] = async (r, ct) => new[]
        {
            await r.ShortestPathAsync("siemens-energy", "cn-holding", GraphPaths.Traversed, 4, Mid2025, ct),
            await r.ShortestPathAsync("gm", "gm", GraphPaths.Traversed, 4, Mid2025, ct),
            await r.ShortestPathAsync("nobody", "gm", GraphPaths.Traversed, 4, Mid2025, ct),
        },
        ["strandedIf"] = async (r, ct) => await StrandedIf.RunAsync(r, ["CN"], "ndfeb-magnet", "NATO", Mid2025, ct),
        ["stageCapacity"] = async (r, ct) => await r.StageCapacityAsync(Stage.Magnet, Mid2025, ct),
        ["deals"] = async (r, ct) => new[]
        {
            await r.DealsAsync(new DealFilter(Mid2025), null, 3, ct), await r.DealsAsync(new DealFilter(Mid2025), "jl-gm", 3, ct),
            await r.DealsAsync(new DealFilter(Mid2025, Country: "CN", ProductCodes: Inputs.Products("product", "magnet")), null, 10, ct),
            await r.DealsAsync(new DealFilter(new DateOnly(2019, 12, 31)), "jl-lockheed", 10, ct),
        },
        ["facilities"] = async (r, ct) => new[]
        {
            await r.FacilitiesAsync(new FacilityFilter(Mid2025, Stage: Stage.Magnet), null, 2, ct),
            await r.FacilitiesAsync(new FacilityFilter(Mid2025, Status: FacilityStatus.Operating), "a", 10, ct),
        },
        ["policies"] = async (r, ct) => await r.PoliciesAsync(new PolicyFilter(Mid2025), null, 10, ct),
        ["organizations"] = async (r, ct) => new[]
        {
            await r.OrganizationsAsync(new OrganizationFilter(Bloc: "NATO"), Mid2025, "gm", 3, ct),
            await r.OrganizationsAsync(new OrganizationFilter(Text: "siemens", Product: "magnet"), Mid2025, null, 10, ct),
        },
        ["search"] = async (r, ct) => await r.SearchAsync("mag", 0, 20, ct),
        ["events"] = async (r, ct) => new object[]
        {
            await r.EventsAsync(["sup-jl-gm", "org-volvo-cars", "nothing"], ct), await r.StreamEventsAsync("org:volvo-cars", ct),
        },
        // Knowledge time: the point just before the retraction of VAC's agreement with Renault, when it was still believed.
        ["knownBeforeRetraction"] = async (r, ct) =>
        {
            var point = Assert.Single(await r.EventsAsync(["retract-vac-renault"], ct)).Sequence - 1;
            var before = r.KnownAt(new Knowledge(point));
            return new object?[]
            {
                await before.EdgesAsync(new EdgeQuery([Relationships.Supplies], FromIds: ["vac"]), ct),
                await before.SupplyLinksAsync(null, "vac", null, Mid2025, ct),
                await before.EventsAsync(["sup-vac-renault", "retract-vac-renault"], ct),
                await before.NodesAsync(Labels.Organization, ["vac", "gm"], ct),
                await before.OrganizationsAsync(new OrganizationFilter(Countries: ["DE"]), Mid2025, null, 10, ct),
                await before.SearchAsync("vac", 0, 10, ct),
                await FirmsLackingSupplier.RunAsync(before, new("ndfeb-magnet", "NATO", null, ["CN"], Mid2025, true), ct),
                await before.KnowledgeAsync(Knowledge.All, ct),
            };
        },
        // World time of attributes: the EU magnet plant was under construction until 2025, operating from then.
        ["attributesAsOf2024"] = async (r, ct) =>
        {
            var mid2024 = new DateOnly(2024, 6, 1);
            var then = r.AttributesAsOf(mid2024);
            return new object?[]
            {
                await then.AllNodesAsync(Labels.Facility, ct),
                await then.NodeAsync("eu-magnets-plant", ct),
                await then.FacilitiesAsync(new FacilityFilter(mid2024, Status: FacilityStatus.Operating), null, 10, ct),
                await then.StageCapacityAsync(Stage.Magnet, mid2024, ct),
                await then.SearchAsync("mag", 0, 20, ct),
            };
        },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task EveryPortMethod_AnswersAsPostgreSqlDoes(string question, string adapter)
    {
        var ct = TestContext.Current.CancellationToken;
        var other = graphs.Reader(adapter);

        var expected = Canonical(await Questions[question](graphs.Reader(GraphSettings.Postgres), ct));
        var actual = Canonical(await Questions[question](other, ct));

        Assert.True(expected.Length > 40, $"{question} answers almost nothing to compare: {expected}");
        Assert.Equal(expected, actual);
    }

    private static string Canonical(object? answer) => GraphDump.Canonical(JsonSerializer.SerializeToNode(answer));
}
