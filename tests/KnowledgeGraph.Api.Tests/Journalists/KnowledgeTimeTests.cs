using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>
/// What a journalist needs to reproduce what she saw: every answer at a knowledge point, its watermark in
/// extensions.knowledge, and a citation whose permalink answers the same whatever is recorded later.
/// </summary>
public class KnowledgeTimeTests(KnowledgeServer scenario) : IClassFixture<KnowledgeServer>
{
    private const string Flagship = """firmsLackingSupplier(product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2026-01-01", first: 500 """;

    private long Point(int step) => scenario.Points[step].GetProperty("sequence").GetInt64();

    private async Task<JsonElement> DataAsync(string query)
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query });
        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        return answer.Body.GetProperty("data");
    }

    private static string Ids(JsonElement connection) =>
        string.Join(",", connection.GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("organization").GetProperty("id").GetString()));

    [Fact]
    public async Task TheFlagshipQuestion_AtTheSameAsOf_GivesTheAnswerOfEachKnowledgePoint()
    {
        var answers = new List<string>();
        for (var step = 0; step < 3; step++)
        {
            var data = await DataAsync($"{{ {Flagship}, knownAtSequence: {Point(step)}) {{ nodes {{ organization {{ id }} }} }} }}");
            answers.Add(Ids(data.GetProperty("firmsLackingSupplier")));
        }
        var latest = await DataAsync($"{{ {Flagship}) {{ nodes {{ organization {{ id }} }} }} }}");

        Assert.Equal(["prairie-motors", "prairie-motors,rotor-werke", "rotor-werke"], answers);
        Assert.Equal("rotor-werke", Ids(latest.GetProperty("firmsLackingSupplier")));
    }

    [Fact]
    public async Task KnownAt_AnInstant_AnswersWithTheEventsRecordedByThen_AndNestedFieldsFollowIt()
    {
        var recordedAt = scenario.Points[0].GetProperty("recordedAt").GetString();

        var data = await DataAsync($$"""
            { firms: {{Flagship}}, knownAt: "{{recordedAt}}") { nodes { organization { id } } }
              organization(id: "rotor-werke", knownAt: "{{recordedAt}}") { id suppliers(product: "magnet", asOf: "2026-01-01") { supplier { id } } } }
            """);

        Assert.Equal("prairie-motors", Ids(data.GetProperty("firms")));
        Assert.Equal("""[{"supplier":{"id":"kanto-magnetics"}}]""", data.GetProperty("organization").GetProperty("suppliers").GetRawText());
    }

    [Fact]
    public async Task EveryResponse_CarriesTheKnowledgePointItWasAnsweredAt()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = "{ countries { code } }" });

        var knowledge = answer.Body.GetProperty("extensions").GetProperty("knowledge");
        Assert.Equal(Point(2), knowledge.GetProperty("sequence").GetInt64());
        Assert.True(DateTimeOffset.TryParse(knowledge.GetProperty("recordedAt").GetString(), out _), knowledge.ToString());
        Assert.True(Point(0) < Point(1) && Point(1) < Point(2), string.Join(" ", scenario.Points));
    }

    [Fact]
    public async Task ACitation_PinsAsOfAndTheKnowledgePoint_AndItsPermalinkGivesTheSameAnswerLater()
    {
        var data = await DataAsync($$"""
            { citation(knownAtSequence: {{Point(1)}}, question: { firmsLackingSupplier: { product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2026-01-01" } }) {
                permalink text asOf knowledge { sequence } firms { id } } }
            """);
        var citation = data.GetProperty("citation");
        var permalink = citation.GetProperty("permalink").GetString()!;
        var again = await scenario.Client.GetGraphQLAsync(permalink[(permalink.IndexOf('?') + 1)..]);

        Assert.Equal("""[{"id":"prairie-motors"},{"id":"rotor-werke"}]""", citation.GetProperty("firms").GetRawText());
        Assert.Equal(Point(1), citation.GetProperty("knowledge").GetProperty("sequence").GetInt64());
        Assert.Equal("2026-01-01", citation.GetProperty("asOf").GetString());
        Assert.StartsWith("Firms in NATO that need magnet and have no supplier in force outside CN, as of 2026-01-01, as recorded up to event "
            + $"{Point(1)} (", citation.GetProperty("text").GetString());
        Assert.Contains(": Prairie Motors, Rotor Werke. KnowledgeGraph, /graphql?query=", citation.GetProperty("text").GetString());
        Assert.Equal("prairie-motors,rotor-werke", Ids(again.Body.GetProperty("data").GetProperty("firmsLackingSupplier")));
    }

    [Fact]
    public async Task NamingBothKnowledgeArguments_IsRefused_NamingTheArgument()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = $$"""{ {{Flagship}}, knownAtSequence: 1, knownAt: "2026-01-01T00:00:00Z") { nodes { organization { id } } } }""" });

        Assert.Contains("knownAtSequence: name knownAt or knownAtSequence, not both", answer.FirstErrorMessage);
    }

    private const string ChangeFields = "totalCount pageInfo { hasNextPage } nodes { kind attributes date relationship { type from { id } to { id } key } node { id } event { eventId type sequence source { title publisher url } } }";

    [Fact]
    public async Task Changes_BetweenTheFirstAndTheLastKnowledgePoint_AreTheRetractionAndTheNewAgreement_WithTheirSources()
    {
        var data = await DataAsync($"{{ changes(from: {{ knownAtSequence: {Point(0)} }}, to: {{ knownAtSequence: {Point(2)} }}) {{ {ChangeFields} }} }}");

        var changes = data.GetProperty("changes");
        Assert.Equal(2, changes.GetProperty("totalCount").GetInt32());
        Assert.Equal(
            "RETRACTED SUPPLIES kanto-magnetics->rotor-werke by k-retract-rotor-jp (EventRetracted, Trade Daily: Correction: no Rotor Werke agreement, https://example.org/knowledge/correction) on 2025-05-02"
            + " | APPEARED SUPPLIES ozark-magnet-works->prairie-motors by k-sup-motors-us (SupplyAgreementSigned, Plains Herald: Prairie Motors signs with Ozark Magnet Works, https://example.org/knowledge/prairie-ozark) on 2025-06-01",
            Describe(changes));
    }

    [Fact]
    public async Task Changes_BetweenTwoWorldDates_AreWhatStartedOrEnded_AsKnownAtTheKnowledgePoint()
    {
        var now = await DataAsync($"{{ changes(from: {{ date: \"2025-01-01\" }}, to: {{ date: \"2025-12-31\" }}, kinds: [APPEARED]) {{ {ChangeFields} }} }}");
        var before = await DataAsync($"{{ changes(from: {{ date: \"2025-01-01\" }}, to: {{ date: \"2025-12-31\" }}, kinds: [APPEARED], knownAtSequence: {Point(0)}) {{ {ChangeFields} }} }}");

        Assert.Equal("APPEARED SUPPLIES ozark-magnet-works->prairie-motors by k-sup-motors-us (SupplyAgreementSigned, Plains Herald: Prairie Motors signs with Ozark Magnet Works, https://example.org/knowledge/prairie-ozark) on 2025-06-01",
            Describe(now.GetProperty("changes")));
        Assert.Equal("APPEARED SUPPLIES kanto-magnetics->rotor-werke by k-sup-rotor-jp (SupplyAgreementSigned, Trade Daily: Rotor Werke signs with Kanto Magnetics, https://example.org/knowledge/rotor-kanto) on 2025-01-10",
            Describe(before.GetProperty("changes")));
    }

    [Theory]
    [InlineData("organization: \"rotor-werke\"", "RETRACTED")]
    [InlineData("country: \"US\"", "APPEARED")]
    [InlineData("bloc: \"NATO\", kinds: [RETRACTED]", "RETRACTED")]
    [InlineData("product: \"magnet\"", "RETRACTED,APPEARED")]
    [InlineData("product: \"dy-oxide\"", "")]
    [InlineData("country: \"FR\"", "")]
    public async Task Changes_AreFiltered_ByOrganizationCountryBlocProductAndKind(string filter, string kinds)
    {
        var data = await DataAsync($"{{ changes(from: {{ knownAtSequence: {Point(0)} }}, to: {{ knownAtSequence: {Point(2)} }}, {filter}) {{ nodes {{ kind }} }} }}");

        Assert.Equal(kinds, string.Join(",", data.GetProperty("changes").GetProperty("nodes").EnumerateArray().Select(c => c.GetProperty("kind").GetString())));
    }

    [Fact]
    public async Task Changes_RefuseADateAgainstAKnowledgePoint()
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query = $"{{ changes(from: {{ date: \"2025-01-01\" }}, to: {{ knownAtSequence: {Point(2)} }}) {{ totalCount }} }}" });

        Assert.Contains("to: name two world dates or two knowledge points, not one of each", answer.FirstErrorMessage);
    }

    private static string Describe(JsonElement changes) => string.Join(" | ", changes.GetProperty("nodes").EnumerateArray().Select(c =>
    {
        var r = c.GetProperty("relationship");
        var e = c.GetProperty("event");
        var source = e.GetProperty("source");
        return $"{c.GetProperty("kind").GetString()} {r.GetProperty("type").GetString()} {r.GetProperty("from").GetProperty("id").GetString()}->{r.GetProperty("to").GetProperty("id").GetString()}"
            + $" by {e.GetProperty("eventId").GetString()} ({e.GetProperty("type").GetString()}, {source.GetProperty("publisher").GetString()}: {source.GetProperty("title").GetString()}, {source.GetProperty("url").GetString()})"
            + $" on {c.GetProperty("date").GetString()}";
    }));
}
