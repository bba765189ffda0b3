using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Tests.Integrations;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>
/// A standing question: the NATO firms lacking a non-Chinese magnet supplier at 2026-01-01, followed event by event over
/// WebSocket and Server-Sent Events, resumed after a disconnection without gap or duplicate.
/// </summary>
public sealed class StandingQuestionTests
{
    private const string AnswerChanged = """
        subscription ($after: Long) {
          answerChanged(afterSequence: $after, question: { firmsLackingSupplier: { product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2026-01-01" } }) {
            sequence eventId added { id } removed { id } answer { id name }
          }
        }
        """;

    private static string Describe(JsonNode change) =>
        $"{change["eventId"]!.GetValue<string>()}: +{Ids(change["added"]!)} -{Ids(change["removed"]!)} = {Ids(change["answer"]!)}";

    private static string Ids(JsonNode firms) => string.Join(",", firms.AsArray().Select(f => f!["id"]!.GetValue<string>()));

    [Fact]
    public async Task ASubscriber_DisconnectedDuringTheRetraction_AndResumedAfterItsLastPoint_ReceivesExactlyTheTwoChanges()
    {
        await using var database = await TestDatabase.CreateAsync();
        await KnowledgeServer.ImportAsync(database, KnowledgeServer.Steps[0]);
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var http = server.CreateHttpClient();
        var known = (await HealthPolling.UntilProjectedAsync(http, CancellationToken.None)).GetProperty("lastStoredSequence").GetInt64();

        await using (var first = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress))
        {
            await first.SubscribeAsync("standing", AnswerChanged, new() { ["after"] = known });
        }
        await KnowledgeServer.ImportAsync(database, KnowledgeServer.Steps[1]);
        await using var second = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);
        await second.SubscribeAsync("standing", AnswerChanged, new() { ["after"] = known });
        var replayed = (await second.NextAsync(TimeSpan.FromSeconds(60)))["payload"]!["data"]!["answerChanged"]!;
        await KnowledgeServer.ImportAsync(database, KnowledgeServer.Steps[2]);
        var live = (await second.NextAsync(TimeSpan.FromSeconds(60)))["payload"]!["data"]!["answerChanged"]!;

        Assert.Equal("k-retract-rotor-jp: +rotor-werke - = prairie-motors,rotor-werke", Describe(replayed));
        Assert.Equal("k-sup-motors-us: + -prairie-motors = rotor-werke", Describe(live));
        Assert.Equal(known + 1, replayed["sequence"]!.GetValue<long>());
        Assert.Equal("Rotor Werke", live["answer"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task OverServerSentEvents_FromTheFirstEvent_EveryChangeOfTheAnswerArrivesInOrder()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var step in KnowledgeServer.Steps)
        {
            await KnowledgeServer.ImportAsync(database, step);
        }
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var http = server.CreateHttpClient();
        await using var stream = await ServerSentEventsTests.EventReader.OpenAsync(http, AnswerChanged, variables: new JsonObject { ["after"] = 0 });

        var changes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (kind, data) = await stream.NextAsync();
            Assert.Equal("next", kind);
            changes.Add(Describe(JsonNode.Parse(data)!["data"]!["answerChanged"]!));
        }

        Assert.Equal([
            "k-org-rotor: +rotor-werke - = rotor-werke",
            "k-org-motors: +prairie-motors - = prairie-motors,rotor-werke",
            "k-sup-rotor-jp: + -rotor-werke = prairie-motors",
            "k-retract-rotor-jp: +rotor-werke - = prairie-motors,rotor-werke",
            "k-sup-motors-us: + -prairie-motors = rotor-werke",
        ], changes);
    }
}
