using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>
/// What a journalist needs to reproduce what she saw: every answer at a knowledge point, its watermark in
/// extensions.knowledge, and a citation whose permalink answers the same whatever is recorded later.
/// </summary>
public class KnowledgeTimeTests(KnowledgeServer scenario) : IClassFixture<KnowledgeServer>
{
    private const string Flagship = """firmsLackingSupplier(product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2026-01-01" """;

    private long Point(int step) => scenario.Points[step].GetProperty("sequence").GetInt64();

    private async Task<JsonElement> DataAsync(string query)
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query });
        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        return answer.Body.GetProperty("data");
    }

    private static string Ids(JsonElement list) =>
        string.Join(",", list.EnumerateArray().Select(e => e.GetProperty("organization").GetProperty("id").GetString()));

    [Fact]
    public async Task TheFlagshipQuestion_AtTheSameAsOf_GivesTheAnswerOfEachKnowledgePoint()
    {
        var answers = new List<string>();
        for (var step = 0; step < 3; step++)
        {
            var data = await DataAsync($"{{ {Flagship}, knownAtSequence: {Point(step)}) {{ organization {{ id }} }} }}");
            answers.Add(Ids(data.GetProperty("firmsLackingSupplier")));
        }
        var latest = await DataAsync($"{{ {Flagship}) {{ organization {{ id }} }} }}");

        Assert.Equal(["prairie-motors", "prairie-motors,rotor-werke", "rotor-werke"], answers);
        Assert.Equal("rotor-werke", Ids(latest.GetProperty("firmsLackingSupplier")));
    }

    [Fact]
    public async Task KnownAt_AnInstant_AnswersWithTheEventsRecordedByThen_AndNestedFieldsFollowIt()
    {
        var recordedAt = scenario.Points[0].GetProperty("recordedAt").GetString();

        var data = await DataAsync($$"""
            { firms: {{Flagship}}, knownAt: "{{recordedAt}}") { organization { id } }
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
        var answer = await scenario.Client.PostGraphQLAsync(new { query = $$"""{ {{Flagship}}, knownAtSequence: 1, knownAt: "2026-01-01T00:00:00Z") { organization { id } } }""" });

        Assert.Contains("knownAtSequence: name knownAt or knownAtSequence, not both", answer.FirstErrorMessage);
    }
}
