using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>Mutations behind an API key, validated as import lines; bad input gives clear errors, never a 500.</summary>
public class MutationAndInputTests(ScenarioServer scenario) : IClassFixture<ScenarioServer>
{
    private const string RecordSupply = """
        mutation($input: SupplyAgreementSignedInput!) { recordSupplyAgreement(input: $input) { eventId stored unchanged errors { field message } } }
        """;

    private static object SupplyInput(string id, string supplier, string buyer, string status = "signed") => new
    {
        id,
        effectiveDate = "2025-09-01",
        source = new { title = "Offtake agreement", publisher = "Example Wire", url = "https://example.org/offtake" },
        dealId = id,
        supplierId = supplier,
        buyerId = buyer,
        product = "ndfeb-magnet",
        status,
    };

    private Task<GraphQLAnswer> MutateAsync(object variables, string? key) => MutateAsync(RecordSupply, variables, key);

    private async Task<GraphQLAnswer> MutateAsync(string query, object variables, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(GraphQLHttpClient.GraphQLResponse));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        var response = await scenario.Client.SendAsync(request, TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json.RootElement.Clone(), response);
    }

    [Fact]
    public async Task Mutation_WithoutAKey_IsRefused_AndStoresNothing()
    {
        var answer = await MutateAsync(new { input = SupplyInput("no-key-deal", "vac", "renault") }, key: null);

        Assert.Equal("UNAUTHENTICATED", answer.FirstErrorCode);
        Assert.Contains("API key", answer.FirstErrorMessage);
        var check = await scenario.Client.PostGraphQLAsync(new { query = """{ deal(id: "no-key-deal") { id } }""" });
        Assert.Equal(JsonValueKind.Null, check.Body.GetProperty("data").GetProperty("deal").ValueKind);
    }

    [Fact]
    public async Task Mutation_WithAWrongKey_IsUnauthorized() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await MutateAsync(new { input = SupplyInput("wrong-key-deal", "vac", "renault") }, "not-a-key")).Status);

    [Fact]
    public async Task Mutation_WithTheKey_StoresTheEvent_ThatReachesTheGraph_AndIsIdempotent()
    {
        var input = new { input = SupplyInput("vac-lockheed-2025", "vac", "lockheed") };

        var first = await MutateAsync(input, ScenarioServer.ApiKey);
        var again = await MutateAsync(input, ScenarioServer.ApiKey);
        await HealthPolling.UntilProjectedAsync(scenario.Client, TestContext.Current.CancellationToken);
        var deal = await scenario.Client.PostGraphQLAsync(new { query = """{ deal(id: "vac-lockheed-2025") { kind status parties { role organization { id } } } }""" });

        Assert.Equal("""{"eventId":"vac-lockheed-2025","stored":true,"unchanged":false,"errors":[]}""", first.Body.GetProperty("data").GetProperty("recordSupplyAgreement").GetRawText());
        Assert.Equal("""{"eventId":"vac-lockheed-2025","stored":false,"unchanged":true,"errors":[]}""", again.Body.GetProperty("data").GetProperty("recordSupplyAgreement").GetRawText());
        Assert.Equal("""{"kind":"SUPPLY","status":"SIGNED","parties":[{"role":"BUYER","organization":{"id":"lockheed"}},{"role":"SUPPLIER","organization":{"id":"vac"}}]}""",
            deal.Body.GetProperty("data").GetProperty("deal").GetRawText());
    }

    [Fact]
    public async Task ProposedAgreement_SignedByAStatusChangeMutation_IsSignedInTheGraph()
    {
        var signing = new
        {
            effectiveDate = "2025-10-01",
            source = new { title = "Offtake signed", publisher = "Example Wire" },
            dealId = "vac-renault-2025",
            status = "signed",
        };

        await MutateAsync(new { input = SupplyInput("vac-renault-2025", "vac", "renault", "proposed") }, ScenarioServer.ApiKey);
        var signed = await MutateAsync("""
            mutation($input: SupplyAgreementStatusChangedInput!) { changeSupplyAgreementStatus(input: $input) { stored errors { field message } } }
            """, new { input = signing }, ScenarioServer.ApiKey);
        var again = await MutateAsync("""
            mutation($input: SupplyAgreementStatusChangedInput!) { changeSupplyAgreementStatus(input: $input) { stored errors { field message } } }
            """, new { input = signing with { effectiveDate = "2025-11-01" } }, ScenarioServer.ApiKey);
        await HealthPolling.UntilProjectedAsync(scenario.Client, TestContext.Current.CancellationToken);
        var deal = await scenario.Client.PostGraphQLAsync(new { query = """{ deal(id: "vac-renault-2025") { status sources { type } } }""" });

        Assert.Equal("""{"stored":true,"errors":[]}""", signed.Body.GetProperty("data").GetProperty("changeSupplyAgreementStatus").GetRawText());
        Assert.Equal("""[{"field":"data.status","message":"supply agreement \u0027vac-renault-2025\u0027 is already signed; only a proposed agreement can be signed"}]""",
            again.Body.GetProperty("data").GetProperty("changeSupplyAgreementStatus").GetProperty("errors").GetRawText());
        Assert.Equal("""{"status":"SIGNED","sources":[{"type":"SupplyAgreementSigned"},{"type":"SupplyAgreementStatusChanged"}]}""",
            deal.Body.GetProperty("data").GetProperty("deal").GetRawText());
    }

    [Fact]
    public async Task Mutation_WithBadData_ReturnsAnErrorPerField_AndStoresNothing()
    {
        var answer = await MutateAsync(new { input = SupplyInput("bad-deal", "vac", "vac") }, ScenarioServer.ApiKey);
        var unknown = await MutateAsync(new { input = SupplyInput("bad-deal-2", "tesla", "gm") }, ScenarioServer.ApiKey);

        Assert.Equal("""{"eventId":null,"stored":false,"unchanged":false,"errors":[{"field":"data.buyerId","message":"the buyer cannot be the supplier"}]}""",
            answer.Body.GetProperty("data").GetProperty("recordSupplyAgreement").GetRawText());
        Assert.Equal("""[{"field":"data.supplierId","message":"unknown organization \u0027tesla\u0027"}]""",
            unknown.Body.GetProperty("data").GetProperty("recordSupplyAgreement").GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task UnknownProduct_IsABadUserInputError_NamingTheArgument()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = """{ firmsLackingSupplier(product: "unobtainium", bloc: "NATO", excludeSupplierCountries: ["CN"]) { nodes { reason } } }""" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("BAD_USER_INPUT", answer.FirstErrorCode);
        Assert.Contains("unknown product or category 'unobtainium'", answer.FirstErrorMessage);
    }

    [Fact]
    public async Task UnknownCountry_IsABadUserInputError() =>
        Assert.Contains("unknown country 'XX'", (await scenario.Client.PostGraphQLAsync(new { query = """{ firmsLackingSupplier(product: "magnet", countries: ["XX"], excludeSupplierCountries: ["CN"]) { nodes { reason } } }""" })).FirstErrorMessage);

    [Fact]
    public async Task UnknownFacilityStatus_IsRefusedBeforeRunning_NamingTheEnum()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = """{ facilities(status: RUNNING) { totalCount } }""" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("FacilityStatus", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedDate_IsRefusedBeforeRunning_With400()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = """{ stageConcentration(stage: MAGNET, asOf: "2025-13-45") { hhi } }""" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("2025-13-45", answer.FirstErrorMessage);
    }

    [Fact]
    public async Task WrongArgumentType_IsRefusedBeforeRunning_With400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.Client.PostGraphQLAsync(new { query = """{ supplyChain(orgId: "gm", depth: "deep") { tier } }""" })).Status);
}
