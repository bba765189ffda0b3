using KnowledgeGraph.Api.Tests.Integrations;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>
/// A webhook filtered by product and country receives only the deals that match both: deals of another product, or
/// between firms of other countries, are passed over (the cursor moves past them) and never sent.
/// </summary>
public sealed class WebhookFilterTests
{
    [Fact]
    public async Task AFilteredWebhook_IsSentOnlyTheMatchingDeals_AndItsCursorPassesTheOthers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, [.. DealLines.Firms(), DealLines.Firm("far-supplier", "CA"), DealLines.Firm("far-buyer", "JP")]);
        await using var server = new ApiServer<Program>(database.ConnectionString, WebhookSettingsForTests.With());
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => Task.FromResult<int?>(200));
        using var api = new WebhookApi(server.BaseAddress);
        var answer = await api.SendAsync("""
            mutation ($url: String!, $secret: String!) {
              registerWebhook(url: $url, secret: $secret, filter: { products: ["oxide"], countries: ["DE"] }) { id }
            }
            """, new { url = receiver.Url.AbsoluteUri, secret = WebhookSettingsForTests.Secret });
        var id = answer.Body.GetProperty("data").GetProperty("registerWebhook").GetProperty("id").GetString()!;

        // In store order: another product (a magnet), other countries (Canada to Japan), then the one that matches.
        await DealLines.RecordAsync(database,
            DealLines.SupplyAgreement("deal-magnet", "test-supplier", "test-buyer", "ndfeb-magnet"),
            DealLines.SupplyAgreement("deal-far", "far-supplier", "far-buyer", "ndpr-oxide"),
            DealLines.SupplyAgreement("deal-match", "test-supplier", "test-buyer", "dy-oxide"));
        var delivered = await receiver.UntilAcknowledgedAsync(1);
        var last = delivered[0].Sequence;
        await api.UntilWebhookAsync(id, w => w.GetProperty("cursor").GetInt64() >= last);

        Assert.Equal(["evt-deal-match"], receiver.Messages(WebhookSettingsForTests.Secret).Select(m => m.EventId));
        Assert.Equal(["evt-deal-match"], receiver.Received.Select(r => r.EventId).Distinct());
    }
}
