using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>
/// A subscriber that falls more than KG_WS_MAX_PENDING_EVENTS behind the live events is disconnected (1013) with a
/// reason naming the afterSequence to resume from, and resuming from it gives the rest: no gap, no duplicate. It is
/// held behind deterministically: with the graph's tables locked, each delivery waits for the projection
/// (KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS) while the feed hands it more events than its buffer holds.
/// </summary>
public sealed partial class SlowSubscriberTests
{
    private const string Deals = """
        subscription ($after: Long) { dealRecorded(afterSequence: $after) { sequence deal { id } } }
        """;

    [Fact]
    public async Task ASubscriberBehindByMoreThanItsBuffer_IsDisconnected_NamingWhereToResume_AndResumingThereGivesTheRest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string>
        {
            ["KG_WS_MAX_PENDING_EVENTS"] = "2",
            ["KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS"] = "0.5",
        });
        using var http = server.CreateHttpClient();
        var after = (await HealthPolling.UntilProjectedAsync(http, ct)).GetProperty("lastStoredSequence").GetInt64();
        var deals = Enumerable.Range(1, 8).Select(i => $"deal-slow-{i}").ToList();
        await using var slow = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);
        await slow.SubscribeAsync("deals", Deals, new() { ["after"] = after });
        // Once a first deal has arrived, the subscription has caught up with the store and takes live events.
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-slow-0"));
        Assert.Equal((after + 1, "deal-slow-0"), Deal(await slow.NextAsync(Eventually.Deadline)));
        after++;

        var before = new List<(long Sequence, string Deal)>();
        await using (await GraphLock.AgainstWritesAsync(database.ConnectionString, ct))
        {
            // One import, one commit: the feed hands over all eight at once, while the first waits for the graph.
            await DealLines.RecordAsync(database, deals.Select(DealLines.SupplyAgreement));
            while (await slow.ReceiveAsync(Eventually.Deadline) is { } message)
            {
                before.Add(Deal(message));
            }
        }
        var (code, reason) = ((int)slow.CloseStatus!, slow.CloseReason ?? "");
        var resumeAt = long.Parse(ResumeAt().Match(reason).Groups[1].Value, CultureInfo.InvariantCulture);
        // What the client was sent up to the close is what the reason names: resuming there loses nothing.
        Assert.True(before.Count > 0 && before[^1].Sequence == resumeAt, $"received {string.Join(", ", before)}; closed with \"{reason}\"");
        await using var resumed = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);
        await resumed.SubscribeAsync("deals", Deals, new() { ["after"] = resumeAt });
        var rest = new List<(long Sequence, string Deal)>();
        while (before.Count + rest.Count < deals.Count)
        {
            rest.Add(Deal(await resumed.NextAsync(Eventually.Deadline)));
        }

        Assert.Equal(1013, code);
        Assert.Contains("KG_WS_MAX_PENDING_EVENTS", reason, StringComparison.Ordinal);
        Assert.InRange(before.Count, 1, deals.Count - 1);
        Assert.Equal(deals, before.Concat(rest).Select(d => d.Deal));
        Assert.Equal(Enumerable.Range(1, deals.Count).Select(i => after + i), before.Concat(rest).Select(d => d.Sequence));
    }

    private static (long Sequence, string Deal) Deal(System.Text.Json.Nodes.JsonObject message)
    {
        Assert.True(message["type"]!.GetValue<string>() == "next", message.ToJsonString());
        var recorded = message["payload"]!["data"]!["dealRecorded"]!;
        return (recorded["sequence"]!.GetValue<long>(), recorded["deal"]!["id"]!.GetValue<string>());
    }

    [GeneratedRegex(@"resume with afterSequence: (\d+)")]
    private static partial Regex ResumeAt();
}
