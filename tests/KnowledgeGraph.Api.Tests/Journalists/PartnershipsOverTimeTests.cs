using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>The partnership scenario, recorded in two steps: two partnerships formed; then one ended, one retracted, a policy enacted.</summary>
public sealed class PartnershipServer : KnowledgeServer
{
    public PartnershipServer()
        : base("partnerships-1-formed.jsonl", "partnerships-2-changed.jsonl")
    {
    }
}

/// <summary>Partnerships in <c>changes</c>, and the top-level lists at two knowledge points.</summary>
public sealed class PartnershipsOverTimeTests(PartnershipServer scenario) : IClassFixture<PartnershipServer>
{
    private long Point(int step) => scenario.Points[step].GetProperty("sequence").GetInt64();

    private async Task<JsonElement> DataAsync(string query)
    {
        var answer = await scenario.Client.PostGraphQLAsync(new { query });
        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        return answer.Body.GetProperty("data");
    }

    [Fact]
    public async Task Changes_BetweenTheTwoKnowledgePoints_TellTheEndedAndTheRetractedPartnership_ByItsParties_WithTheirSources()
    {
        var data = await DataAsync($$"""
            { changes(from: { knownAtSequence: {{Point(0)}} }, to: { knownAtSequence: {{Point(1)}} }, kinds: [ENDED, RETRACTED]) {
                totalCount nodes { kind date relationship { type from { id } to { id } } event { eventId type source { publisher url } } } } }
            """);

        var changes = data.GetProperty("changes");
        Assert.Equal(
            "ENDED PARTY_TO alpha-magnetics->alpha-beta by p-pt-alpha-beta-ended (PartnershipEnded, Lab News, https://example.org/partners/alpha-beta-closed) on 2025-04-01"
            + " | ENDED PARTY_TO beta-research->alpha-beta by p-pt-alpha-beta-ended (PartnershipEnded, Lab News, https://example.org/partners/alpha-beta-closed) on 2025-04-01"
            + " | RETRACTED PARTY_TO alpha-magnetics->alpha-gamma by p-retract-alpha-gamma (EventRetracted, Metal Bulletin, https://example.org/partners/correction) on 2025-05-01"
            + " | RETRACTED PARTY_TO gamma-alloys->alpha-gamma by p-retract-alpha-gamma (EventRetracted, Metal Bulletin, https://example.org/partners/correction) on 2025-05-01",
            Describe(changes));
        Assert.Equal(4, changes.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Changes_BetweenTwoWorldDates_TellTheFormedPartnerships_AsKnownAtTheFirstPoint()
    {
        var data = await DataAsync($$"""
            { changes(from: { date: "2024-01-01" }, to: { date: "2024-12-31" }, knownAtSequence: {{Point(0)}}) {
                totalCount nodes { kind date relationship { type from { id } to { id } } event { eventId type source { publisher url } } } } }
            """);

        Assert.Equal(
            "APPEARED PARTY_TO alpha-magnetics->alpha-beta by p-pt-alpha-beta (PartnershipFormed, Lab News, https://example.org/partners/alpha-beta) on 2024-02-01"
            + " | APPEARED PARTY_TO beta-research->alpha-beta by p-pt-alpha-beta (PartnershipFormed, Lab News, https://example.org/partners/alpha-beta) on 2024-02-01"
            + " | APPEARED PARTY_TO alpha-magnetics->alpha-gamma by p-pt-alpha-gamma (PartnershipFormed, Metal Bulletin, https://example.org/partners/alpha-gamma) on 2024-03-01"
            + " | APPEARED PARTY_TO gamma-alloys->alpha-gamma by p-pt-alpha-gamma (PartnershipFormed, Metal Bulletin, https://example.org/partners/alpha-gamma) on 2024-03-01",
            Describe(data.GetProperty("changes")));
    }

    [Fact]
    public async Task DealsPoliciesAndCountries_AnswerForTheKnowledgePointTheyAreGiven()
    {
        static string Lists(long point) =>
            $"{{ deals(knownAtSequence: {point}) {{ nodes {{ id }} }} policies(knownAtSequence: {point}) {{ nodes {{ id }} }} countries(knownAtSequence: {point}) {{ code blocs {{ bloc {{ id }} }} }} }}";
        var before = await DataAsync(Lists(Point(0)));
        var after = await DataAsync(Lists(Point(1)));

        Assert.Equal("alpha-beta,alpha-gamma", Ids(before.GetProperty("deals")));
        Assert.Equal("alpha-beta", Ids(after.GetProperty("deals")));
        Assert.Equal("", Ids(before.GetProperty("policies")));
        Assert.Equal("de-magnet-research", Ids(after.GetProperty("policies")));
        Assert.Equal("", BlocsOf(before.GetProperty("countries"), "DE"));
        Assert.Equal("EU", BlocsOf(after.GetProperty("countries"), "DE"));
    }

    private static string BlocsOf(JsonElement countries, string code) => string.Join(",", countries.EnumerateArray()
        .Single(c => c.GetProperty("code").GetString() == code).GetProperty("blocs").EnumerateArray().Select(m => m.GetProperty("bloc").GetProperty("id").GetString()));

    private static string Ids(JsonElement connection) =>
        string.Join(",", connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));

    private static string Describe(JsonElement changes) => string.Join(" | ", changes.GetProperty("nodes").EnumerateArray().Select(c =>
    {
        var r = c.GetProperty("relationship");
        var e = c.GetProperty("event");
        var source = e.GetProperty("source");
        return $"{c.GetProperty("kind").GetString()} {r.GetProperty("type").GetString()} {r.GetProperty("from").GetProperty("id").GetString()}->{r.GetProperty("to").GetProperty("id").GetString()}"
            + $" by {e.GetProperty("eventId").GetString()} ({e.GetProperty("type").GetString()}, {source.GetProperty("publisher").GetString()}, {source.GetProperty("url").GetString()})"
            + $" on {c.GetProperty("date").GetString()}";
    }));
}
