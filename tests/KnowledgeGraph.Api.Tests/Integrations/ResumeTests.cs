using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>A subscriber that disconnects and comes back with afterSequence misses nothing and sees nothing twice.</summary>
public sealed class ResumeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string DealRecorded = """
        subscription ($after: Long) {
          dealRecorded(afterSequence: $after, filter: { kinds: ["supply"], countries: ["DE"] }) {
            sequence eventId eventType deal { id kind status product parties { role organization { id } } }
          }
        }
        """;

    [Fact]
    public async Task Reconnecting_WithAfterSequence_DeliversExactlyTheThreeDealsRecordedMeanwhile_InOrder()
    {
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString);

        long lastSeen;
        await using (var first = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress))
        {
            // From the start of the store, so that the deal below cannot slip in before the subscription is live.
            await first.SubscribeAsync("deals", DealRecorded, new() { ["after"] = 0 });
            await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-before"));
            var seen = (await first.NextAsync())["payload"]!["data"]!["dealRecorded"]!;
            Assert.Equal("deal-before", seen["deal"]!["id"]!.GetValue<string>());
            lastSeen = seen["sequence"]!.GetValue<long>();
        }
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-one"));
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-two"), DealLines.SupplyAgreement("deal-three"));

        await using var second = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);
        await second.SubscribeAsync("deals", DealRecorded, new() { ["after"] = lastSeen });
        var resumed = new List<(long Sequence, string Deal)>();
        for (var i = 0; i < 3; i++)
        {
            var deal = (await second.NextAsync())["payload"]!["data"]!["dealRecorded"]!;
            resumed.Add((deal["sequence"]!.GetValue<long>(), deal["deal"]!["id"]!.GetValue<string>()));
        }
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-live"));
        var live = (await second.NextAsync())["payload"]!["data"]!["dealRecorded"]!;

        Assert.Equal(["deal-one", "deal-two", "deal-three"], resumed.Select(r => r.Deal));
        Assert.True(resumed.Zip(resumed.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "in sequence order");
        Assert.True(resumed[0].Sequence > lastSeen);
        Assert.Equal("deal-live", live["deal"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AfterSequenceZero_ReplaysEveryStoredEvent_FromTheFirst()
    {
        await using var db = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(db, DealLines.Firms());
        await using var server = new ApiServer<Program>(db.ConnectionString);
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);

        await client.SubscribeAsync("all", "subscription { eventRecorded(afterSequence: 0) { sequence eventId eventType data } }");

        var first = (await client.NextAsync())["payload"]!["data"]!["eventRecorded"]!;
        var second = (await client.NextAsync())["payload"]!["data"]!["eventRecorded"]!;
        Assert.Equal("evt-org-supplier", first["eventId"]!.GetValue<string>());
        Assert.Equal("evt-org-buyer", second["eventId"]!.GetValue<string>());
        Assert.Equal(first["sequence"]!.GetValue<long>() + 1, second["sequence"]!.GetValue<long>());
        Assert.Contains("test-buyer", second["data"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventRecorded_WithTypes_DeliversOnlyThoseTypes_ReplayedAndLive()
    {
        // Given two organizations and a supply agreement stored, then the agreement's ending
        await using var db = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(db, [.. DealLines.Firms(), DealLines.SupplyAgreement("typed-one"), DealLines.SupplyAgreementEnded("typed-one")]);
        await using var server = new ApiServer<Program>(db.ConnectionString);
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);

        // When a subscriber asks for supply agreements signed only, from the first event, and another is stored live
        await client.SubscribeAsync("signed", """subscription { eventRecorded(types: ["SupplyAgreementSigned"], afterSequence: 0) { eventId eventType } }""");
        var replayed = (await client.NextAsync())["payload"]!["data"]!["eventRecorded"]!;
        await DealLines.RecordAsync(db, DealLines.SupplyAgreement("typed-two"), DealLines.SupplyAgreementEnded("typed-two"), DealLines.SupplyAgreement("typed-three"));
        var live = (await client.NextAsync())["payload"]!["data"]!["eventRecorded"]!;
        var afterTheEnding = (await client.NextAsync())["payload"]!["data"]!["eventRecorded"]!;

        // Then it gets the three signings, and neither the registrations nor the endings between them
        Assert.Equal("""{"eventId":"evt-typed-one","eventType":"SupplyAgreementSigned"}""", replayed.ToJsonString());
        Assert.Equal("""{"eventId":"evt-typed-two","eventType":"SupplyAgreementSigned"}""", live.ToJsonString());
        Assert.Equal("""{"eventId":"evt-typed-three","eventType":"SupplyAgreementSigned"}""", afterTheEnding.ToJsonString());
    }

    [Fact]
    public async Task EventRecorded_WithATypeOutsideTheCatalog_IsRefusedNamingIt()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = new ApiServer<Program>(db.ConnectionString);
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);

        // When a subscriber misspells a type, it is told so, instead of waiting for events that never come
        await client.SubscribeAsync("typo", """subscription { eventRecorded(types: ["SupplyAgreementSigned", "SupplyAgreementSined"]) { eventId } }""");
        var refusal = await client.ReceiveAsync();

        Assert.Equal("error", refusal?["type"]?.GetValue<string>());
        Assert.StartsWith("types: 'SupplyAgreementSined' is not an event type of the catalog", refusal!["payload"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
