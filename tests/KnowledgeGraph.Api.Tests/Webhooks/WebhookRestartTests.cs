using KnowledgeGraph.Api.Tests.Integrations;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>
/// The API process is killed while a delivery is under way and started again: every deal still arrives, in order,
/// and nothing the receiver acknowledged before the restart is sent after it (the delivery it never answered is).
/// Delivery is at least once, so a message may arrive more than once, but only as itself again.
/// </summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task AServerKilledMidDelivery_AndRestarted_DeliversEveryDealInOrder_AndNoAcknowledgedOneTwice()
    {
        await using var database = await TestDatabase.CreateAsync();
        await DealLines.RecordAsync(database, DealLines.Firms());
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var serverKilled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        await using var receiver = await WebhookReceiver.StartAsync(async (request, _) =>
        {
            if (request.DealId == "deal-3" && Interlocked.Exchange(ref held, 1) == 0)
            {
                // The server dies while this delivery waits for its answer, which then never comes.
                inFlight.SetResult();
                await serverKilled.Task;
                return null;
            }
            return 200;
        });
        var settings = WebhookSettingsForTests.With();
        var deals = Enumerable.Range(1, 6).Select(i => $"deal-{i}").ToList();

        using (var first = await StartAsync(database.ConnectionString, settings))
        {
            using var api = new WebhookApi(first.Address);
            await api.RegisterAsync(receiver.Url, WebhookSettingsForTests.RestartSecret);
            await DealLines.RecordAsync(database, deals.Select(DealLines.SupplyAgreement));
            await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
            first.Kill();
        }
        serverKilled.SetResult();
        var acknowledgedBeforeRestart = receiver.AcknowledgedMessages.Select(r => r.DealId).ToList();
        var receivedBeforeRestart = receiver.Received.Count;
        using var second = await StartAsync(database.ConnectionString, settings);
        await receiver.UntilAcknowledgedAsync(6);
        // Order per webhook: anything sent again would arrive before this last deal.
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("deal-7"));
        var acknowledged = await receiver.UntilAcknowledgedAsync(7);
        var messages = receiver.Messages(WebhookSettingsForTests.RestartSecret);
        var afterRestart = receiver.Received.Skip(receivedBeforeRestart).Select(r => r.DealId);
        var heldDeal = receiver.Received.Where(r => r.DealId == "deal-3").Select(r => r.Status).ToList();

        Assert.Equal(["deal-1", "deal-2"], acknowledgedBeforeRestart);
        Assert.Equal([.. deals, "deal-7"], messages.Select(r => r.DealId));
        Assert.Equal([.. deals, "deal-7"], acknowledged.Select(r => r.DealId));
        Assert.True(messages.Zip(messages.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "in sequence order");
        Assert.DoesNotContain(afterRestart, acknowledgedBeforeRestart.Contains);
        Assert.Null(heldDeal[0]);
        Assert.Contains(200, heldDeal);
    }

    private static async Task<ApiProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> settings)
    {
        var api = ApiProcess.Start(connectionString, settings);
        await api.UntilHealthyAsync();
        return api;
    }
}
