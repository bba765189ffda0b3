using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Tests.Integrations;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>
/// Webhooks do not depend on the graph projection: with the graph's tables locked against writes (the projection
/// stuck), a supply agreement and its ending are still delivered to a webhook filtered by product, the ending with the
/// product of the deal it ends, and the webhook's cursor never passes the delivery its receiver has not acknowledged.
/// </summary>
public sealed class WebhookProjectionBehindTests
{
    [Fact]
    public async Task WithTheProjectionStuck_AnEndedSupplyAgreement_IsDeliveredToAProductFilter_WithItsProduct_AndTheCursorWaitsForIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With());
        using var http = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(http, ct);
        var release = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = await WebhookReceiver.StartAsync((request, _) =>
        {
            if (request.EventId != "evt-deal-ending-ended")
            {
                return Task.FromResult<int?>(200);
            }
            held.TrySetResult();
            return release.Task;
        });
        using var api = new WebhookApi(server.BaseAddress);
        var id = await RegisterForProductAsync(api, receiver.Url, "oxide");

        await using var graphLock = await GraphLock.AgainstWritesAsync(database.ConnectionString, ct);
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-ending"), DealLines.SupplyAgreementEnded("deal-ending"));
        var signed = (await receiver.UntilAcknowledgedAsync(1))[0];
        await held.Task.WaitAsync(TimeSpan.FromSeconds(90), ct);
        var acknowledgedWhileHeld = receiver.AcknowledgedMessages.Count;
        var whileHeld = await api.UntilWebhookAsync(id, w => w.GetProperty("cursor").GetInt64() >= signed.Sequence);
        var projectedWhileHeld = (await HealthPolling.HealthAsync(http, ct)).GetProperty("lastProjectedSequence").GetInt64();
        release.SetResult(200);
        var acknowledged = await receiver.UntilAcknowledgedAsync(2);
        var endedBody = JsonNode.Parse(acknowledged[1].Body)!["data"]!;
        var afterwards = await api.UntilWebhookAsync(id, w => w.GetProperty("cursor").GetInt64() >= acknowledged[1].Sequence);

        Assert.Equal(1, acknowledgedWhileHeld);
        Assert.True(projectedWhileHeld < signed.Sequence, $"the graph projection was stuck before the deal ({projectedWhileHeld} < {signed.Sequence})");
        Assert.Equal(["evt-deal-ending", "evt-deal-ending-ended"], acknowledged.Select(r => r.EventId));
        Assert.Equal("SupplyAgreementEnded", endedBody["eventType"]!.GetValue<string>());
        Assert.Equal("ndpr-oxide", endedBody["deal"]!["product"]!.GetValue<string>());
        Assert.Equal("ended", endedBody["deal"]!["status"]!.GetValue<string>());
        Assert.Equal(acknowledged[1].Sequence - 1, whileHeld.GetProperty("cursor").GetInt64());
        Assert.True(afterwards.GetProperty("cursor").GetInt64() >= acknowledged[1].Sequence);
    }

    private static async Task<string> RegisterForProductAsync(WebhookApi api, Uri url, string product)
    {
        var answer = await api.SendAsync("""
            mutation ($url: String!, $secret: String!, $product: String!) {
              registerWebhook(url: $url, secret: $secret, filter: { products: [$product], countries: ["DE"] }) { id }
            }
            """, new { url = url.AbsoluteUri, secret = WebhookSettingsForTests.Secret, product });
        return answer.Body.GetProperty("data").GetProperty("registerWebhook").GetProperty("id").GetString()!;
    }
}
