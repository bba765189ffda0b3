using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>
/// A subscription filtered by product and country does not depend on the graph projection either: with the graph's
/// tables locked against writes, a supply agreement's ending is delivered, with the product and status the deal's own
/// events give it.
/// </summary>
public sealed class ProjectionBehindSubscriptionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Deals = """
        subscription ($after: Long) {
          dealRecorded(afterSequence: $after, filter: { products: ["oxide"], countries: ["DE"] }) { sequence eventType deal { id product status } }
        }
        """;

    [Fact]
    public async Task WithTheProjectionStuck_AnEndedSupplyAgreement_ReachesASubscriberFilteredByProductAndCountry()
    {
        var ct = TestContext.Current.CancellationToken;
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string>
        {
            ["KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS"] = "1",
        });
        using var http = server.CreateHttpClient();
        var after = (await HealthPolling.UntilProjectedAsync(http, ct)).GetProperty("lastStoredSequence").GetInt64();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);
        await client.SubscribeAsync("deals", Deals, new() { ["after"] = after });

        await using var graphLock = await GraphLock.AgainstWritesAsync(database.ConnectionString, ct);
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-unseen"), DealLines.SupplyAgreementEnded("deal-unseen"));
        var signed = (await client.NextAsync(Eventually.Deadline))["payload"]!["data"]!["dealRecorded"]!;
        var ended = (await client.NextAsync(Eventually.Deadline))["payload"]!["data"]!["dealRecorded"]!;
        var projected = (await HealthPolling.HealthAsync(http, ct)).GetProperty("lastProjectedSequence").GetInt64();

        Assert.Equal("SupplyAgreementSigned", signed["eventType"]!.GetValue<string>());
        Assert.Equal("SupplyAgreementEnded", ended["eventType"]!.GetValue<string>());
        Assert.Equal("deal-unseen", ended["deal"]!["id"]!.GetValue<string>());
        Assert.Equal("ndpr-oxide", ended["deal"]!["product"]!.GetValue<string>());
        Assert.Equal("ENDED", ended["deal"]!["status"]!.GetValue<string>());
        Assert.True(projected < signed["sequence"]!.GetValue<long>(), $"the projection was stuck before the deal ({projected})");
    }
}
