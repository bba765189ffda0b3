using System.Net.WebSockets;
using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Tests.Integrations;
using KnowledgeGraph.Api.Tests.Webhooks;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The production layout: two API processes on one database. The one that started first leads (the daemon's hot/cold
/// election runs the projection and the webhook outbox there, and it holds the webhook's lease); it is killed during an
/// import while a delivery waits for its answer. The other takes over both, and the end is as with one process: the
/// graph of an uninterrupted rebuild, every deal acknowledged in order (at least once: a repeat only as the same
/// message, and none acknowledged before the kill sent after it), and every deal seen by the subscribers of both
/// processes (the dead one's subscriber resuming on the survivor with afterSequence).
/// </summary>
public sealed class TwoProcessFailoverTests
{
    private const int Batches = 8, PerBatch = 15, KillBeforeBatch = 5;
    private const string HeldDeal = "deal-060";
    private const string Deals = """
        subscription ($after: Long) { dealRecorded(afterSequence: $after, filter: { kinds: ["supply"] }) { sequence deal { id } } }
        """;

    [Fact]
    public async Task TheLeaderKilledDuringAnImport_TheOtherTakesOver_AndGraphDeliveriesAndSubscribersAreAsWithOneProcess()
    {
        var ct = TestContext.Current.CancellationToken;
        var batches = Enumerable.Range(0, Batches)
            .Select(b => Enumerable.Range(b * PerBatch + 1, PerBatch).Select(i => $"deal-{i:000}").ToList()).ToList();
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heldOnce = 0;
        await using var receiver = await WebhookReceiver.StartAsync(async (request, _) =>
        {
            if (request.DealId == HeldDeal && Interlocked.Exchange(ref heldOnce, 1) == 0)
            {
                held.SetResult();
                await killed.Task;
                return null;
            }
            return 200;
        });
        var settings = new Dictionary<string, string>(WebhookSettingsForTests.With()) { ["KG_PROJECTION_BATCH"] = "10" };

        using var leader = await StartAsync(database.ConnectionString, settings);
        await HealthPolling.UntilProjectedAsync(leader.Client, ct);
        using (var api = new WebhookApi(leader.Address))
        {
            await api.RegisterAsync(receiver.Url, WebhookSettingsForTests.RestartSecret);
        }
        await DealLines.RecordAsync(database, batches[0].Select(DealLines.SupplyAgreement));
        await receiver.UntilAcknowledgedAsync(PerBatch);
        using var follower = await StartAsync(database.ConnectionString, settings);
        var after = (await HealthPolling.HealthAsync(follower.Client, ct)).GetProperty("lastStoredSequence").GetInt64();
        await using var onLeader = await SubscribeAsync(leader.Address, after);
        await using var onFollower = await SubscribeAsync(follower.Address, after);

        var import = Task.Run(async () =>
        {
            foreach (var (batch, index) in batches.Select((b, i) => (b, i)).Skip(1))
            {
                if (index == KillBeforeBatch)
                {
                    await killed.Task;
                }
                await DealLines.RecordAsync(database, batch.Select(DealLines.SupplyAgreement));
            }
        }, ct);
        var seenOnLeader = ReadUntilClosedAsync(onLeader);
        await held.Task.WaitAsync(Eventually.Deadline, ct);
        var acknowledgedByLeader = receiver.AcknowledgedMessages.Select(r => r.DealId).ToList();
        var receivedAtKill = receiver.Received.Count;
        var projectedAtKill = (await HealthPolling.HealthAsync(follower.Client, ct)).GetProperty("lastProjectedSequence").GetInt64();
        leader.Kill();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        killed.SetResult();
        await receiver.UntilAcknowledgedAsync(acknowledgedByLeader.Count + 1);
        var deliveriesTakenOver = clock.Elapsed;
        await Eventually.UntilAsync("the follower projects", async () => (await HealthPolling.HealthAsync(follower.Client, ct))
            .GetProperty("lastProjectedSequence").GetInt64(), projected => projected > projectedAtKill);
        var projectionTakenOver = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"after the kill: deliveries again after {deliveriesTakenOver.TotalSeconds:0.0} s, projection again after {projectionTakenOver.TotalSeconds:0.0} s");
        await import.WaitAsync(Eventually.Deadline, ct);
        var expected = batches.Skip(1).SelectMany(b => b).ToList();
        var beforeKill = await seenOnLeader;
        await using var resumed = await SubscribeAsync(follower.Address, beforeKill.Count > 0 ? beforeKill[^1].Sequence : after);
        var afterKill = await ReadAsync(resumed, expected.Count - beforeKill.Count);
        var seenOnFollower = await ReadAsync(onFollower, expected.Count);
        var acknowledged = await receiver.UntilAcknowledgedAsync(Batches * PerBatch);
        await HealthPolling.UntilProjectedAsync(follower.Client, ct);
        var (writer, _, dataSource) = GraphFixture.Postgres(database);
        await using var _ = dataSource;
        var graph = await writer.DumpAsync(ct);
        var reference = await ReferenceGraphAsync(batches, ct);

        Assert.Equal(batches.SelectMany(b => b).TakeWhile(d => d != HeldDeal), acknowledgedByLeader);
        Assert.Equal(reference, graph);
        Assert.Equal(batches.SelectMany(b => b), acknowledged.Select(r => r.DealId));
        Assert.True(acknowledged.Zip(acknowledged.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "in sequence order");
        Assert.Equal(batches.SelectMany(b => b), receiver.Messages(WebhookSettingsForTests.RestartSecret).Select(r => r.DealId));
        Assert.Null(receiver.Received.First(r => r.DealId == HeldDeal).Status);
        Assert.DoesNotContain(receiver.Received.Skip(receivedAtKill).Select(r => r.DealId), acknowledgedByLeader.Contains);
        Assert.Equal(expected, beforeKill.Concat(afterKill).Select(d => d.Deal));
        Assert.Equal(expected, seenOnFollower.Select(d => d.Deal));
    }

    private static async Task<ApiProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var api = ApiProcess.Start(connectionString, settings);
        await api.UntilHealthyAsync();
        return api;
    }

    private static async Task<GraphQLWsClient> SubscribeAsync(Uri api, long after)
    {
        var client = await GraphQLWsClient.ConnectAndInitAsync(new Uri($"ws://{api.Authority}/graphql"));
        await client.SubscribeAsync("deals", Deals, new JsonObject { ["after"] = after });
        return client;
    }

    private static async Task<List<(long Sequence, string Deal)>> ReadAsync(GraphQLWsClient client, int count)
    {
        var deals = new List<(long, string)>();
        while (deals.Count < count)
        {
            deals.Add(Deal(await client.NextAsync(Eventually.Deadline)));
        }
        return deals;
    }

    /// <summary>Every deal a subscriber of the leader got before the leader died and its socket with it.</summary>
    private static async Task<List<(long Sequence, string Deal)>> ReadUntilClosedAsync(GraphQLWsClient client)
    {
        var deals = new List<(long, string)>();
        try
        {
            while (await client.ReceiveAsync(Eventually.Deadline) is { } message)
            {
                if (message["type"]?.GetValue<string>() == "next")
                {
                    deals.Add(Deal(message));
                }
            }
        }
        catch (WebSocketException)
        {
            // The process died without closing the socket.
        }
        return deals;
    }

    private static (long Sequence, string Deal) Deal(JsonObject message)
    {
        var recorded = message["payload"]!["data"]!["dealRecorded"]!;
        return (recorded["sequence"]!.GetValue<long>(), recorded["deal"]!["id"]!.GetValue<string>());
    }

    /// <summary>The same imports, in the same batches, projected by one uninterrupted rebuild.</summary>
    private static async Task<IReadOnlyList<string>> ReferenceGraphAsync(List<List<string>> batches, CancellationToken ct)
    {
        await using var reference = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(reference, DealLines.Firms());
        foreach (var batch in batches)
        {
            await DealLines.RecordAsync(reference, batch.Select(DealLines.SupplyAgreement));
        }
        var (writer, _, dataSource) = GraphFixture.Postgres(reference);
        await using var _ = dataSource;
        await using var store = reference.CreateStore();
        await GraphRebuild.RunAsync(store, writer, null, 100, ct);
        return await writer.DumpAsync(ct);
    }
}
