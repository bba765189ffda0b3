using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>
/// Every mutation of the schema, driven through HTTP in one story (each step builds on the ones before it): refused
/// without the API key, then with it stored as its event (the export shows the type and the data given) and projected
/// into the graph as a hand-written answer says.
/// </summary>
public class EveryMutationTests(ScenarioServer scenario) : IClassFixture<ScenarioServer>
{
    private sealed record Step(string Mutation, string Type, object Data, string Question, string Expected);

    private static readonly Step[] Story =
    [
        new("registerOrganization", "OrganizationRegistered",
            new { orgId = "acme-magnets", name = "Acme Magnets", country = "CL", kind = "company", stages = new[] { "magnet" }, consumes = new[] { "ndpr-metal" } },
            """{ organization(id: "acme-magnets") { name kind stages consumes } }""",
            """{"organization":{"name":"Acme Magnets","kind":"COMPANY","stages":["MAGNET"],"consumes":["ndpr-metal"]}}"""),
        new("updateOrganization", "OrganizationUpdated", new { orgId = "acme-magnets", name = "Acme Magnetics" },
            """{ organization(id: "acme-magnets") { name } }""", """{"organization":{"name":"Acme Magnetics"}}"""),
        new("registerFacility", "FacilityRegistered",
            new { facilityId = "acme-plant", name = "Acme Plant", operatorId = "acme-magnets", country = "CL", stage = "magnet", status = "planned", products = new[] { "ndfeb-magnet" } },
            """{ facility(id: "acme-plant") { name operator { id } stage status products } }""",
            """{"facility":{"name":"Acme Plant","operator":{"id":"acme-magnets"},"stage":"MAGNET","status":"PLANNED","products":["ndfeb-magnet"]}}"""),
        new("changeFacilityStatus", "FacilityStatusChanged", new { facilityId = "acme-plant", status = "operating" },
            """{ facility(id: "acme-plant") { status } }""", """{"facility":{"status":"OPERATING"}}"""),
        new("updateFacility", "FacilityUpdated", new { facilityId = "acme-plant", capacityTonnesPerYear = 500 },
            """{ facility(id: "acme-plant") { capacityTonnesPerYear } }""", """{"facility":{"capacityTonnesPerYear":500}}"""),
        new("recordInvestment", "InvestmentMade",
            new { dealId = "vac-acme-stake", investorId = "vac", targetId = "acme-magnets", instrument = "equity", status = "announced", stakePercent = 20 },
            """{ deal(id: "vac-acme-stake") { kind status instrument stakePercent } }""",
            """{"deal":{"kind":"INVESTMENT","status":"ANNOUNCED","instrument":"EQUITY","stakePercent":20}}"""),
        new("changeInvestmentStatus", "InvestmentStatusChanged", new { dealId = "vac-acme-stake", status = "completed" },
            """{ deal(id: "vac-acme-stake") { status } }""", """{"deal":{"status":"COMPLETED"}}"""),
        new("changeStake", "StakeChanged", new { dealId = "vac-acme-stake", stakePercent = 35 },
            """{ deal(id: "vac-acme-stake") { stakePercent } }""", """{"deal":{"stakePercent":35}}"""),
        new("recordPartnership", "PartnershipFormed",
            new { dealId = "acme-vac-jv", partyIds = new[] { "acme-magnets", "vac" }, kind = "joint-venture", status = "announced" },
            """{ deal(id: "acme-vac-jv") { kind status partnershipKind } }""",
            """{"deal":{"kind":"PARTNERSHIP","status":"ANNOUNCED","partnershipKind":"JOINT_VENTURE"}}"""),
        new("changePartnershipStatus", "PartnershipStatusChanged", new { dealId = "acme-vac-jv", status = "active" },
            """{ deal(id: "acme-vac-jv") { status } }""", """{"deal":{"status":"ACTIVE"}}"""),
        new("endPartnership", "PartnershipEnded", new { dealId = "acme-vac-jv", reason = "wound up" },
            """{ deal(id: "acme-vac-jv") { status endedOn } }""", """{"deal":{"status":"ENDED","endedOn":"2026-01-11"}}"""),
        new("recordSupplyAgreement", "SupplyAgreementSigned",
            new { dealId = "acme-renault-supply", supplierId = "acme-magnets", buyerId = "renault", product = "ndfeb-magnet", status = "proposed" },
            """{ deal(id: "acme-renault-supply") { kind status product } }""", """{"deal":{"kind":"SUPPLY","status":"PROPOSED","product":"ndfeb-magnet"}}"""),
        new("changeSupplyAgreementStatus", "SupplyAgreementStatusChanged", new { dealId = "acme-renault-supply", status = "signed" },
            """{ deal(id: "acme-renault-supply") { status } }""", """{"deal":{"status":"SIGNED"}}"""),
        new("endSupplyAgreement", "SupplyAgreementEnded", new { dealId = "acme-renault-supply" },
            """{ deal(id: "acme-renault-supply") { status endedOn } }""", """{"deal":{"status":"ENDED","endedOn":"2026-01-14"}}"""),
        new("enactPolicy", "PolicyEnacted",
            new { policyId = "cl-magnet-grant", jurisdiction = "CL", kind = "grant", title = "Magnet grant", beneficiaryIds = new[] { "acme-magnets" } },
            """{ policy(id: "cl-magnet-grant") { title jurisdiction kind status beneficiaries { id } } }""",
            """{"policy":{"title":"Magnet grant","jurisdiction":"CL","kind":"GRANT","status":"IN_FORCE","beneficiaries":[{"id":"acme-magnets"}]}}"""),
        new("amendPolicy", "PolicyAmended", new { policyId = "cl-magnet-grant", title = "Magnet grant, second round" },
            """{ policy(id: "cl-magnet-grant") { title } }""", """{"policy":{"title":"Magnet grant, second round"}}"""),
        new("revokePolicy", "PolicyRevoked", new { policyId = "cl-magnet-grant" },
            """{ policy(id: "cl-magnet-grant") { status revokedOn } }""", """{"policy":{"status":"REVOKED","revokedOn":"2026-01-17"}}"""),
        new("joinBloc", "BlocJoined", new { country = "CL", bloc = "MSP" },
            """{ country(code: "CL") { blocs { bloc { id } validFrom validTo } } }""",
            """{"country":{"blocs":[{"bloc":{"id":"MSP"},"validFrom":"2026-01-18","validTo":null}]}}"""),
        new("leaveBloc", "BlocLeft", new { country = "CL", bloc = "MSP" },
            """{ country(code: "CL") { blocs { bloc { id } } } }""", """{"country":{"blocs":[]}}"""),
    ];

    [Fact]
    public async Task EveryMutation_IsRefusedWithoutTheKey_AndWithItStoresItsEvent_ThatTheGraphShows()
    {
        var stored = new List<(string Id, string Type, JsonNode Data)>();
        for (var i = 0; i < Story.Length; i++)
        {
            // Given the steps before it; when the mutation is sent without the key, then with it
            var step = Story[i];
            var input = Input(step.Data, $"evt-mutation-{i + 1}", new DateOnly(2026, 1, 1).AddDays(i));
            var query = $"mutation($input: {step.Type}Input!) {{ {step.Mutation}(input: $input) {{ eventId stored unchanged errors {{ field message }} }} }}";
            var refused = await MutateAsync(query, input, key: null);
            var answer = await MutateAsync(query, input, ScenarioServer.ApiKey);

            // Then without the key it is refused; with it, the event is stored now and the graph shows it
            Assert.Equal("UNAUTHENTICATED", refused.FirstErrorCode);
            Assert.Equal($$"""{"eventId":"evt-mutation-{{i + 1}}","stored":true,"unchanged":false,"errors":[]}""",
                answer.Body.GetProperty("data").GetProperty(step.Mutation).GetRawText());
            await AssertGraphAsync(step.Mutation, step.Question, step.Expected);
            stored.Add(($"evt-mutation-{i + 1}", step.Type, JsonSerializer.SerializeToNode(step.Data)!));
        }

        // retractEvent, of the capacity given by updateFacility: the capacity is gone, the retraction is its own event
        var retraction = await MutateAsync("""
            mutation { retractEvent(eventId: "evt-mutation-5", reason: "capacity misreported", effectiveDate: "2026-01-20", id: "evt-mutation-retraction") { eventId stored errors { field message } } }
            """, null, ScenarioServer.ApiKey);
        Assert.Equal("""{"eventId":"evt-mutation-retraction","stored":true,"errors":[]}""", retraction.Body.GetProperty("data").GetProperty("retractEvent").GetRawText());
        await AssertGraphAsync("retractEvent", """{ facility(id: "acme-plant") { capacityTonnesPerYear status } }""",
            """{"facility":{"capacityTonnesPerYear":null,"status":"OPERATING"}}""");
        stored.Add(("evt-mutation-retraction", "EventRetracted", JsonNode.Parse("""{"eventId":"evt-mutation-5","reason":"capacity misreported"}""")!));

        // And the store holds exactly these events beyond the scenario, each with the type and data it was given
        var export = await KgProcess.RunAsync(scenario.Database.ConnectionString, "export", "-");
        Assert.True(export.ExitCode == 0, export.Errors);
        var lines = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
            .Where(l => l["id"]!.GetValue<string>().StartsWith("evt-mutation-", StringComparison.Ordinal)).ToList();
        Assert.Equal(stored.Select(s => s.Id), lines.Select(l => l["id"]!.GetValue<string>()));
        foreach (var ((id, type, data), line) in stored.Zip(lines))
        {
            Assert.Equal(type, line["type"]!.GetValue<string>());
            Assert.True(JsonElement.DeepEquals(JsonSerializer.SerializeToElement(data), JsonSerializer.SerializeToElement(line["data"])),
                $"{id}: stored {line["data"]!.ToJsonString()}, given {data.ToJsonString()}");
        }
    }

    private static object Input(object data, string id, DateOnly effectiveDate)
    {
        var input = JsonSerializer.SerializeToNode(data)!.AsObject();
        input["id"] = id;
        input["effectiveDate"] = effectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        input["source"] = new JsonObject { ["title"] = "Company announcement", ["publisher"] = "Example Wire" };
        return new { input };
    }

    private async Task AssertGraphAsync(string mutation, string question, string expected)
    {
        await HealthPolling.UntilProjectedAsync(scenario.Client, TestContext.Current.CancellationToken);
        var answer = await scenario.Client.PostGraphQLAsync(new { query = question });
        Assert.True(expected == answer.Body.GetProperty("data").GetRawText(), $"after {mutation}: {answer.Body.GetRawText()}");
    }

    private async Task<GraphQLAnswer> MutateAsync(string query, object? variables, string? key)
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
}
