using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>
/// A hole in the stored sequence (KG_EVENT_FEED_GAP_GRACE_SECONDS): the safe head waits at it, passes a permanent
/// one once the grace has gone by and no transaction that could fill it still runs, and never passes one whose append
/// is still running, however long it takes. The clock is a fake one moved by the test; the store is real.
/// </summary>
public sealed class SequenceGapTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task APermanentHole_HoldsTheHeadForTheGrace_ThenIsPassed()
    {
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var time = new FakeTimeProvider();
        var head = new SafeHead(new EventStoreReader(dataSource), Grace, time);
        var start = await AdvanceAsync(head);

        var hole = await HeldAppend.LeaveHoleAsync(database);
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-past-hole"));
        var atTheHole = await AdvanceAsync(head);
        time.Advance(Grace - TimeSpan.FromMilliseconds(1));
        var justBeforeTheGrace = await AdvanceAsync(head);
        time.Advance(TimeSpan.FromMilliseconds(1));
        // Past the grace, the hole is passed once every transaction running when it was seen has ended: on a server
        // shared with other tests' databases that can take a moment more, so the head is looked at again until then.
        var afterTheGrace = await Eventually.UntilAsync("the head to pass the hole", () => AdvanceAsync(head), h => !h.Waiting);

        Assert.Equal((2, false), start);
        Assert.Equal(3, hole);
        Assert.Equal((2, true), atTheHole);
        Assert.Equal((2, true), justBeforeTheGrace);
        Assert.Equal((4, false), afterTheGrace);
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(60_000)]
    public async Task AHoleOfAnAppendStillRunning_HoldsTheHeadUntilItCommits_AndItsEventIsNotSkipped(int heldForMilliseconds)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var reader = new EventStoreReader(dataSource);
        var time = new FakeTimeProvider();
        var head = new SafeHead(reader, Grace, time);
        await AdvanceAsync(head);

        await using var held = await HeldAppend.BeginAsync(database, "held-org");
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-after-held"));
        var whileHeld = await AdvanceAsync(head);
        time.Advance(TimeSpan.FromMilliseconds(heldForMilliseconds));
        var stillHeld = await AdvanceAsync(head);
        await held.CommitAsync();
        var committed = await AdvanceAsync(head);
        var delivered = await reader.ReadAsync(2, committed.Value, 10, ct);

        Assert.Equal(3, held.Sequence);
        Assert.Equal((2, true), whileHeld);
        Assert.Equal((2, true), stillHeld);
        Assert.Equal((4, false), committed);
        Assert.Equal([(3L, "OrganizationRegistered"), (4L, "SupplyAgreementSigned")], delivered.Select(e => (e.Sequence, e.EventType)));
    }

    [Fact]
    public async Task ASubscriber_PassesAPermanentHole_AndReceivesAHeldAppendInItsPlace_WhenItCommits()
    {
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString,
            new Dictionary<string, string> { ["KG_EVENT_FEED_GAP_GRACE_SECONDS"] = "0.2" });
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);
        await client.SubscribeAsync("all", "subscription { eventRecorded(afterSequence: 2) { sequence eventType } }");

        var hole = await HeldAppend.LeaveHoleAsync(database);
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-past-hole"));
        var pastTheHole = await NextEventAsync(client);
        await using (var held = await HeldAppend.BeginAsync(database, "held-org"))
        {
            await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-after-held"));
            // Not a timing assertion: the append is held for many graces so that the feed meets its hole past one.
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            await held.CommitAsync();
        }
        var heldEvent = await NextEventAsync(client);
        var afterHeld = await NextEventAsync(client);

        Assert.Equal(3, hole);
        Assert.Equal((4, "SupplyAgreementSigned"), pastTheHole);
        Assert.Equal((5, "OrganizationRegistered"), heldEvent);
        Assert.Equal((6, "SupplyAgreementSigned"), afterHeld);
    }

    private static async Task<(long Value, bool Waiting)> AdvanceAsync(SafeHead head)
    {
        await head.AdvanceAsync(TestContext.Current.CancellationToken);
        return (head.Value, head.Waiting);
    }

    private static async Task<(long Sequence, string Type)> NextEventAsync(GraphQLWsClient client)
    {
        var recorded = (await client.NextAsync(Eventually.Deadline))["payload"]!["data"]!["eventRecorded"]!;
        return (recorded["sequence"]!.GetValue<long>(), recorded["eventType"]!.GetValue<string>());
    }
}
