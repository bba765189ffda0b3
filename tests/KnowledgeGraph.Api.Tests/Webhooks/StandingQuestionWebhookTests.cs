using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Tests.Journalists;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>
/// A webhook standing on the flagship question (NATO firms lacking a non-Chinese magnet supplier at 2026-01-01): a
/// receiver on loopback gets each change of the answer, as answerChanged tells it, retried until acknowledged.
/// </summary>
public sealed class StandingQuestionWebhookTests
{
    private const string Secret = WebhookSettingsForTests.Secret;

    private const string Register = """
        mutation ($url: String!, $secret: String!) {
          registerWebhook(url: $url, secret: $secret, question: { firmsLackingSupplier: { product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2026-01-01" } }) {
            id question
          }
        }
        """;

    private static string Describe(JsonNode data) =>
        $"{data["eventId"]!.GetValue<string>()}: +{Ids(data["added"]!)} -{Ids(data["removed"]!)} = {Ids(data["answer"]!)}";

    private static string Ids(JsonNode firms) => string.Join(",", firms.AsArray().Select(f => f!["id"]!.GetValue<string>()));

    [Fact]
    public async Task ARetractionAndANewAgreement_ReachTheReceiver_AsExactlyTheTwoChangesOfTheAnswer_InOrder()
    {
        await using var database = await TestDatabase.CreateAsync();
        await KnowledgeServer.ImportAsync(database, KnowledgeServer.Steps[0]);
        await using var server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With());
        // The first change is refused once: it is retried, and the second waits for it.
        await using var receiver = await WebhookReceiver.StartAsync((_, before) => Task.FromResult<int?>(before == 0 ? 503 : 200));
        using var api = new WebhookApi(server.BaseAddress);
        var registered = await api.SendAsync(Register, new { url = receiver.Url.AbsoluteUri, secret = Secret });
        var webhook = registered.Body.GetProperty("data").GetProperty("registerWebhook");

        await KnowledgeServer.ImportAsync(database, KnowledgeServer.Steps[1]);
        await KnowledgeServer.ImportAsync(database, KnowledgeServer.Steps[2]);
        var acknowledged = await receiver.UntilAcknowledgedAsync(2);
        // Whatever else the store holds after the new agreement changes nothing: the webhook is done with all of it.
        var head = (await HealthPolling.UntilProjectedAsync(server.CreateHttpClient(), CancellationToken.None)).GetProperty("lastStoredSequence").GetInt64();
        await api.UntilWebhookAsync(webhook.GetProperty("id").GetString()!, w => w.GetProperty("cursor").GetInt64() >= head);

        var bodies = acknowledged.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal([
            "k-retract-rotor-jp: +rotor-werke - = prairie-motors,rotor-werke",
            "k-sup-motors-us: + -prairie-motors = rotor-werke",
        ], bodies.Select(b => Describe(b["data"]!)));
        Assert.Equal(["k-retract-rotor-jp", "k-sup-motors-us"], receiver.Messages(Secret).Select(r => r.EventId));
        Assert.Equal((503, "k-retract-rotor-jp"), (receiver.Received[0].Status, receiver.Received[0].EventId));
        Assert.Equal(acknowledged.Select(r => r.Sequence), bodies.Select(b => b["data"]!["sequence"]!.GetValue<long>()));
        Assert.True(acknowledged[0].Sequence < acknowledged[1].Sequence);
        Assert.Equal("org.knowledgegraph.answerChanged", bodies[0]["type"]!.GetValue<string>());
        Assert.Equal("Rotor Werke", bodies[1]["data"]!["answer"]![0]!["name"]!.GetValue<string>());
        Assert.StartsWith("Firms in NATO that need magnet", webhook.GetProperty("question").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebhook_GivenBothAFilterAndAQuestion_IsRefused_NamingTheQuestion()
    {
        await using var database = await TestDatabase.CreateAsync();
        await KnowledgeServer.ImportAsync(database, KnowledgeServer.Steps[0]);
        await using var server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With());
        using var api = new WebhookApi(server.BaseAddress);

        var answer = await api.SendAsync("""
            mutation { registerWebhook(url: "http://127.0.0.1:9/hook", secret: "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
              filter: { kinds: ["supply"] }, question: { strandedIf: { cutCountries: ["CN"], product: "magnet" } }) { id } }
            """);
        var webhooks = await api.WebhooksAsync();

        Assert.Contains("not both", answer.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, webhooks.GetArrayLength());
    }
}
