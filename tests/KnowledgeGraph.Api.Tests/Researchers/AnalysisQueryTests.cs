using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>
/// The researchers' analysis questions end to end over HTTP, on the scenario of Testing/Scenarios, each expected
/// answer written by hand (the reasoning is in KnowledgeGraph.Graph.Tests' SupplyChainScenarioTests).
/// </summary>
public class AnalysisQueryTests(ScenarioServer scenario) : IClassFixture<ScenarioServer>
{
    private async Task<JsonElement> DataAsync(string query)
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query });
        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        return answer.Body.GetProperty("data");
    }

    private static string Ids(JsonElement list, string path = "organization") =>
        string.Join(",", list.EnumerateArray().Select(e => e.GetProperty(path).GetProperty("id").GetString()));

    [Theory]
    [InlineData("2023-06-01", false, "gm,lockheed")]                          // before Sweden joined NATO
    [InlineData("2025-06-01", false, "gm,lockheed,volvo-cars")]               // volvo's agreement ended, jl-mag's only proposed
    [InlineData("2026-06-01", false, "lockheed,volvo-cars")]                  // vac's agreement with gm has started
    [InlineData("2025-06-01", true, "gm,lockheed,siemens-energy,volvo-cars")] // eu-magnets is controlled from CN (70 % of 60 %)
    [InlineData("2026-06-01", true, "lockheed,siemens-energy,volvo-cars")]    // vac is only 30 % Chinese: it counts
    public async Task FirmsLackingSupplier_AnswersForTheDate_WithAndWithoutOwnership(string asOf, bool ownership, string expected)
    {
        var data = await DataAsync($$"""
            { firmsLackingSupplier(product: "ndfeb-magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "{{asOf}}",
                                   considerOwnership: {{(ownership ? "true" : "false")}}) { nodes { organization { id } reason } } }
            """);

        Assert.Equal(expected, Ids(data.GetProperty("firmsLackingSupplier").GetProperty("nodes")));
    }

    [Fact]
    public async Task FirmsLackingSupplier_ShowsTheSuppliersInForce_AndTheSourceOfTheirAgreements()
    {
        var data = await DataAsync("""
            { firmsLackingSupplier(product: "ndfeb-magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2025-06-01") { nodes {
                organization { id } suppliers { id country }
                supplierDetails { excludedBecause agreement { product validFrom sources { eventId source { publisher url } } } } } } }
            """);

        var gm = data.GetProperty("firmsLackingSupplier").GetProperty("nodes").EnumerateArray().Single(g => g.GetProperty("organization").GetProperty("id").GetString() == "gm");
        Assert.Equal("""[{"id":"jl-mag","country":"CN"}]""", gm.GetProperty("suppliers").GetRawText());
        var detail = gm.GetProperty("supplierDetails")[0];
        Assert.Equal("based in CN", detail.GetProperty("excludedBecause").GetString());
        Assert.Equal("""{"product":"ndfeb-magnet","validFrom":"2020-01-01","sources":[{"eventId":"sup-jl-gm","source":{"publisher":"Scenario Wire","url":"https://example.org/scenario/24"}}]}""",
            detail.GetProperty("agreement").GetRawText());
    }

    [Fact]
    public async Task FirmsLackingSupplier_OnACategory_IncludesTheFirmWhoseOnlyAgreementWasRetracted()
    {
        var data = await DataAsync("""{ firmsLackingSupplier(product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2025-06-01") { nodes { organization { id } } } }""");

        Assert.Equal("gm,lockheed,renault,volvo-cars", Ids(data.GetProperty("firmsLackingSupplier").GetProperty("nodes")));
    }

    [Fact]
    public async Task SupplyChain_ShrinksToTiers_AndSurvivesTheCycle()
    {
        var data = await DataAsync("""{ supplyChain(orgId: "gm", product: "ndfeb-magnet", depth: 6, asOf: "2025-06-01") { tier links { supplier { id } buyer { id } product } } }""");

        var links = data.GetProperty("supplyChain").EnumerateArray()
            .SelectMany(t => t.GetProperty("links").EnumerateArray().Select(l =>
                $"{t.GetProperty("tier").GetInt32()}:{l.GetProperty("supplier").GetProperty("id").GetString()}>{l.GetProperty("buyer").GetProperty("id").GetString()}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["1:jl-mag>gm", "2:baotou-alloy>jl-mag", "3:bayan-mine>baotou-alloy", "3:jl-mag>baotou-alloy"], links);
    }

    [Fact]
    public async Task ShortestPath_GoesThroughTheOwnershipChain()
    {
        var data = await DataAsync("""{ shortestPath(from: "siemens-energy", to: "cn-holding", maxHops: 4, asOf: "2025-06-01") { length nodes { id } } }""");

        Assert.Equal("""{"length":3,"nodes":[{"id":"siemens-energy"},{"id":"eu-magnets"},{"id":"mid-holding"},{"id":"cn-holding"}]}""",
            data.GetProperty("shortestPath").GetRawText());
    }

    [Fact]
    public async Task StrandedIf_ChinaIsCutOff_ListsGm()
    {
        var data = await DataAsync("""{ strandedIf(cutCountries: ["CN"], product: "ndfeb-magnet", bloc: "NATO", asOf: "2025-06-01") { organization { id } lostSuppliers { organization { id } } } }""");

        Assert.Equal("""[{"organization":{"id":"gm"},"lostSuppliers":[{"organization":{"id":"jl-mag"}}]}]""", data.GetProperty("strandedIf").GetRawText());
    }

    [Fact]
    public async Task StageConcentration_GivesSharesAndHhi()
    {
        var data = await DataAsync("""{ stageConcentration(stage: MAGNET, asOf: "2025-06-01") { totalCapacityTonnesPerYear operatingFacilities facilitiesWithoutCapacity hhi countries { country sharePercent } } }""");

        Assert.Equal("""{"totalCapacityTonnesPerYear":13000,"operatingFacilities":4,"facilitiesWithoutCapacity":1,"hhi":6450,"countries":[{"country":"CN","sharePercent":76.92},{"country":"DE","sharePercent":23.08}]}""",
            data.GetProperty("stageConcentration").GetRawText());
    }

    [Fact]
    public async Task Organization_ShowsRelationshipsAtTheDate_WithValidityAndSources()
    {
        var data = await DataAsync("""
            { organization(id: "volvo-cars") {
                name country events { eventId type }
                before: suppliers(asOf: "2023-01-01") { supplier { id } validFrom validTo }
                after: suppliers(asOf: "2025-01-01") { supplier { id } } } }
            """);

        Assert.Equal("""{"name":"Volvo Cars","country":"SE","events":[{"eventId":"org-volvo-cars","type":"OrganizationRegistered"}],"before":[{"supplier":{"id":"vac"},"validFrom":"2021-01-01","validTo":"2024-06-30"}],"after":[]}""",
            data.GetProperty("organization").GetRawText());
    }
}
