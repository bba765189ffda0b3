using System.Net;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>
/// The schema in the ecosystem's conventions, on the scenario of Testing/Scenarios: the Node interface, enums for the
/// closed vocabularies, and cursor connections whose pages add up to the whole list. Every expected answer by hand.
/// </summary>
public class SchemaConventionTests(ScenarioServer scenario) : IClassFixture<ScenarioServer>
{
    private async Task<JsonElement> DataAsync(string query)
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query });
        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        return answer.Body.GetProperty("data");
    }

    [Fact]
    public async Task Search_ReturnsNodes_OrganizationsFirst_APageAtATime()
    {
        // Given an organization and a facility whose names both start with "Narva"
        static string Page(string after) => $$"""
            { search(text: "narva", first: 1{{after}}) { totalCount pageInfo { hasNextPage endCursor }
              nodes { __typename id ... on Organization { name kind } ... on Facility { name stage } } } }
            """;

        // When the first page is read, then the page after its endCursor
        var first = (await DataAsync(Page(""))).GetProperty("search");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await DataAsync(Page($", after: \"{cursor}\""))).GetProperty("search");

        // Then the organization comes first, each page counts both, and the second page is the last
        Assert.Equal("""{"totalCount":2,"pageInfo":{"hasNextPage":true,"endCursor":"1"},"nodes":[{"__typename":"Organization","id":"narva-magnets","name":"Narva Magnets","kind":"COMPANY"}]}""",
            first.GetRawText());
        Assert.Equal("""{"totalCount":2,"pageInfo":{"hasNextPage":false,"endCursor":"2"},"nodes":[{"__typename":"Facility","id":"narva-plant","name":"Narva Plant","stage":"MAGNET"}]}""",
            second.GetRawText());
    }

    [Fact]
    public async Task Node_AnswersAnyLabel_ThroughTheInterface()
    {
        var data = await DataAsync("""
            { org: node(id: "gm") { __typename id } facility: node(id: "hanau-plant") { __typename ... on Facility { operator { id } } }
              deal: node(id: "jl-gm") { __typename ... on Deal { kind status } } country: node(id: "SE") { __typename ... on Country { code } }
              product: node(id: "ndfeb-magnet") { __typename ... on Product { category { id } } } }
            """);

        Assert.Equal("""{"org":{"__typename":"Organization","id":"gm"},"facility":{"__typename":"Facility","operator":{"id":"vac"}},"deal":{"__typename":"Deal","kind":"SUPPLY","status":"SIGNED"},"country":{"__typename":"Country","code":"SE"},"product":{"__typename":"Product","category":{"id":"magnet"}}}""",
            data.GetRawText());
    }

    [Fact]
    public async Task Deals_PageByCursor_UntilTheLast()
    {
        var first = (await DataAsync("""{ deals(kind: SUPPLY, party: "gm", first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }""")).GetProperty("deals");
        var second = (await DataAsync("""{ deals(kind: SUPPLY, party: "gm", first: 1, after: "jl-gm") { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }""")).GetProperty("deals");

        Assert.Equal("""{"totalCount":2,"pageInfo":{"hasNextPage":true,"endCursor":"jl-gm"},"edges":[{"cursor":"jl-gm","node":{"id":"jl-gm"}}]}""", first.GetRawText());
        Assert.Equal("""{"totalCount":2,"pageInfo":{"hasNextPage":false,"endCursor":"vac-gm"},"nodes":[{"id":"vac-gm"}]}""", second.GetRawText());
    }

    [Fact]
    public async Task FirmsLackingSupplier_IsAConnection_WhosePagesMakeTheWholeAnswer()
    {
        const string Question = """firmsLackingSupplier(product: "ndfeb-magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2025-06-01", first: 2""";

        var first = (await DataAsync($$"""{ {{Question}}) { totalCount pageInfo { hasNextPage endCursor } nodes { organization { id } } } }""")).GetProperty("firmsLackingSupplier");
        var after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await DataAsync($$"""{ {{Question}}, after: "{{after}}") { totalCount pageInfo { hasNextPage } nodes { organization { id } } } }""")).GetProperty("firmsLackingSupplier");

        Assert.Equal("""{"totalCount":3,"pageInfo":{"hasNextPage":true,"endCursor":"2"},"nodes":[{"organization":{"id":"gm"}},{"organization":{"id":"lockheed"}}]}""", first.GetRawText());
        Assert.Equal("""{"totalCount":3,"pageInfo":{"hasNextPage":false},"nodes":[{"organization":{"id":"volvo-cars"}}]}""", second.GetRawText());
    }

    [Fact]
    public async Task Neighbours_AreAConnection_FilteredByRelationshipTypeEnum()
    {
        var data = await DataAsync("""{ neighbours(id: "narva-magnets", types: [OPERATES], asOf: "2025-06-01") { totalCount nodes { relationship { type status } node { __typename id } } } }""");

        Assert.Equal("""{"totalCount":1,"nodes":[{"relationship":{"type":"OPERATES","status":"operating"},"node":{"__typename":"Facility","id":"narva-plant"}}]}""",
            data.GetProperty("neighbours").GetRawText());
    }

    [Fact]
    public async Task Neighbours_PageByCursor_CountingThemAll_AndAnUnknownIdIsRefused()
    {
        // Given a firm based in Estonia that operates one plant
        static string Page(string after) => $$"""
            { neighbours(id: "narva-magnets", first: 1{{after}}, asOf: "2025-06-01") { totalCount pageInfo { hasNextPage endCursor }
              nodes { relationship { type } node { __typename id } } } }
            """;

        // When the first page is read, then the page after its endCursor, then a page past the end
        var first = (await DataAsync(Page(""))).GetProperty("neighbours");
        var second = (await DataAsync(Page(", after: \"1\""))).GetProperty("neighbours");
        var past = (await DataAsync(Page(", after: \"2\""))).GetProperty("neighbours");
        var counted = (await DataAsync("""{ neighbours(id: "narva-magnets", asOf: "2025-06-01") { totalCount } }""")).GetProperty("neighbours");
        var unknown = await scenario.Client.PostGraphQLAsync(new { query = """{ neighbours(id: "nobody") { totalCount } }""" });

        // Then the relationships leaving it come by type, every page counts both, so does the count alone, and the unknown id is named
        Assert.Equal("""{"totalCount":2,"pageInfo":{"hasNextPage":true,"endCursor":"1"},"nodes":[{"relationship":{"type":"BASED_IN"},"node":{"__typename":"Country","id":"EE"}}]}""",
            first.GetRawText());
        Assert.Equal("""{"totalCount":2,"pageInfo":{"hasNextPage":false,"endCursor":"2"},"nodes":[{"relationship":{"type":"OPERATES"},"node":{"__typename":"Facility","id":"narva-plant"}}]}""",
            second.GetRawText());
        Assert.Equal("""{"totalCount":2,"pageInfo":{"hasNextPage":false,"endCursor":null},"nodes":[]}""", past.GetRawText());
        Assert.Equal("""{"totalCount":2}""", counted.GetRawText());
        Assert.Contains("no node with id 'nobody'", unknown.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facilities_FilterByEnums_AndAStatusBeforeRegistrationIsNull()
    {
        var data = await DataAsync("""
            { facilities(stage: MAGNET, status: UNDER_CONSTRUCTION, asOf: "2023-01-01") { nodes { id status stage } }
              facility(id: "eu-magnets-plant") { before: status(asOf: "2021-01-01") after: status(asOf: "2025-06-01") } }
            """);

        Assert.Equal("""{"facilities":{"nodes":[{"id":"eu-magnets-plant","status":"UNDER_CONSTRUCTION","stage":"MAGNET"}]},"facility":{"before":null,"after":"OPERATING"}}""",
            data.GetRawText());
    }

    [Fact]
    public async Task AStoredStringForAnEnum_IsRefusedBeforeRunning()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = """{ facilities(stage: "magnet") { totalCount } }""" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("Stage", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionsCost_GrowsWithItsPageSize()
    {
        const string Selection = "nodes { supplierDetails { agreement { sources { source { title } } } } }";
        var small = await scenario.Client.PostGraphQLAsync(new { query = $$"""{ firmsLackingSupplier(product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], first: 20) { {{Selection}} } }""" });
        var large = await scenario.Client.PostGraphQLAsync(new { query = $$"""{ firmsLackingSupplier(product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], first: 500) { {{Selection}} } }""" });

        // 100 for the question, then 1 + first x (supplierDetails 1 + 5 x (agreement 1 + sources (1 + 5 x (source 1 + title 1)))).
        Assert.Equal(100 + 1 + (20 * 61), small.Body.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains("30601", large.FirstErrorMessage.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCursor_IsABadUserInputError_NamingAfter()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = """{ search(text: "narva", after: "not-a-cursor") { totalCount } }""" });

        Assert.Equal("BAD_USER_INPUT", answer.FirstErrorCode);
        Assert.Equal("after", answer.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("field").GetString());
    }
}
