using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Tests.Integrations;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>Deliveries to a receiver on loopback: retried until acknowledged, signed, and dead-lettered when it never accepts.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = WebhookSettingsForTests.Secret;

    [Fact]
    public async Task AReceiverThatFailsTwice_ThenAccepts_AcknowledgesExactlyOneSignedDelivery_AfterThreeAttempts()
    {
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With());
        await using var receiver = await WebhookReceiver.StartAsync((_, before) => Task.FromResult<int?>(before < 2 ? 500 : 200));
        using var api = new WebhookApi(server.BaseAddress);
        var id = await api.RegisterAsync(receiver.Url, Secret);

        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-hooked"));
        var acknowledged = (await receiver.UntilAcknowledgedAsync(1))[0];
        // Delivery is in order per webhook: any second delivery of the first deal would come before the next deal.
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-next"));
        await receiver.UntilAcknowledgedAsync(2);

        // The receiver answers before the server commits the acknowledgement: wait for the cursor to pass it.
        var webhook = await UntilCursorPassesAsync(api, id, receiver.AcknowledgedMessages[1].Sequence);
        var delivery = webhook.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("sequence").GetInt64() == acknowledged.Sequence);
        var body = JsonNode.Parse(acknowledged.Body)!;
        Assert.Equal(["deal-hooked", "deal-next"], receiver.AcknowledgedMessages.Select(r => r.DealId));
        Assert.Equal([500, 500, 200], receiver.Received.Where(r => r.DealId == "deal-hooked").Select(r => r.Status));
        Assert.True(acknowledged.SignatureVerifies(Secret), "the Standard Webhooks signature of id.timestamp.body with the secret");
        Assert.False(acknowledged.SignatureVerifies(WebhookSettingsForTests.OtherSecret));
        Assert.Equal("msg_evt-deal-hooked", acknowledged.WebhookId);
        Assert.InRange(long.Parse(acknowledged.Timestamp!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        // A CloudEvent in structured JSON mode, the deal event in its data.
        Assert.StartsWith("application/cloudevents+json", acknowledged.ContentType, StringComparison.Ordinal);
        Assert.Equal("1.0", body["specversion"]!.GetValue<string>());
        Assert.Equal("org.knowledgegraph.deal.SupplyAgreementSigned", body["type"]!.GetValue<string>());
        Assert.Equal("/knowledgegraph/deals", body["source"]!.GetValue<string>());
        Assert.Equal("evt-deal-hooked", body["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["time"]!.GetValue<string>()));
        Assert.Equal("deal-hooked", body["subject"]!.GetValue<string>());
        var data = body["data"]!;
        Assert.Equal(acknowledged.Sequence, data["sequence"]!.GetValue<long>());
        Assert.Equal("evt-deal-hooked", acknowledged.EventId);
        Assert.Equal("SupplyAgreementSigned", data["eventType"]!.GetValue<string>());
        Assert.Equal("supply", data["deal"]!["kind"]!.GetValue<string>());
        Assert.Equal("Integration test", data["source"]!["title"]!.GetValue<string>());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, delivery.GetProperty("acknowledgedAt").ValueKind);
        Assert.True(webhook.GetProperty("cursor").GetInt64() >= receiver.AcknowledgedMessages[1].Sequence);
    }

    [Fact]
    public async Task AReceiverThatAlwaysFails_GetsADeadLetterAfterMaxAttempts_WhichIsDeliveredWhenReplayedAfterItRecovers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With(maxAttempts: 3));
        var recovered = false;
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => Task.FromResult<int?>(Volatile.Read(ref recovered) ? 204 : 503));
        using var api = new WebhookApi(server.BaseAddress);
        var id = await api.RegisterAsync(receiver.Url, Secret);

        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-refused"));
        var letter = (await api.UntilDeadLettersAsync(id, 1))[0];
        Volatile.Write(ref recovered, true);
        // The webhook has moved on: the next deal is delivered while the refused one waits in the dead letters.
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-after"));
        await receiver.UntilAcknowledgedAsync(1);
        var replay = await api.SendAsync("mutation ($id: ID!) { replayDeadLetter(id: $id) }", new { id = letter.GetProperty("id").GetString() });
        await receiver.UntilAcknowledgedAsync(2);
        var remaining = await api.UntilDeadLettersAsync(id, 0);

        Assert.Equal(3, letter.GetProperty("attempts").GetInt32());
        Assert.Equal("evt-deal-refused", letter.GetProperty("eventId").GetString());
        Assert.Equal(id, letter.GetProperty("webhookId").GetString());
        Assert.Contains("503", letter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal([503, 503, 503, 204], receiver.Received.Where(r => r.DealId == "deal-refused").Select(r => r.Status));
        Assert.True(replay.Body.GetProperty("data").GetProperty("replayDeadLetter").GetBoolean());
        Assert.Equal(["deal-after", "deal-refused"], receiver.AcknowledgedMessages.Select(r => r.DealId));
        Assert.True(receiver.AcknowledgedMessages[1].SignatureVerifies(Secret));
        Assert.Equal(0, remaining.GetArrayLength());
    }

    [Fact]
    public async Task AReceiverThatNeverAnswersInTime_IsRetried_AndItsDeadLetterSaysItTimedOut()
    {
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With(maxAttempts: 2, timeoutSeconds: "0.5"));
        await using var receiver = await WebhookReceiver.StartAsync(async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            return null;
        });
        using var api = new WebhookApi(server.BaseAddress);
        var id = await api.RegisterAsync(receiver.Url, Secret);

        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-slow"));
        var letter = (await api.UntilDeadLettersAsync(id, 1))[0];

        Assert.Equal(2, letter.GetProperty("attempts").GetInt32());
        Assert.Contains("no answer within 0.5 s (KG_WEBHOOK_TIMEOUT_SECONDS)", letter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    private static Task<System.Text.Json.JsonElement> UntilCursorPassesAsync(WebhookApi api, string id, long sequence) =>
        Eventually.UntilAsync($"the cursor of {id} passed {sequence}",
            async () => (await api.WebhooksAsync()).EnumerateArray().Single(w => w.GetProperty("id").GetString() == id),
            webhook => webhook.GetProperty("cursor").GetInt64() >= sequence);
}
