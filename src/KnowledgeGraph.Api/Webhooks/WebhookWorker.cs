using KnowledgeGraph.Api.Telemetry;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// Delivers one webhook's outbox strictly in sequence order while it holds the webhook's lease: each delivery until
/// acknowledged or dead-lettered; and, first, any dead letter whose replay was asked for.
/// </summary>
internal sealed class WebhookWorker(
    Guid id, WebhookStore store, WebhookSender sender, WebhookSettings settings, WebhookSignal signal, ILogger logger)
{
    private const int Page = 100;

    public async Task RunAsync(CancellationToken ct)
    {
        await using var lease = await WebhookLease.TryAcquireAsync(store.DataSource, id, ct);
        if (lease is null)
        {
            return;
        }
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.Next;
            if (await lease.LoadAsync(ct) is not { } webhook)
            {
                return;
            }
            List<(Guid? Letter, WebhookPayload Payload)> due = [.. await lease.ReplaysAsync(ct), .. await lease.DueAsync(Page, ct)];
            foreach (var (letter, payload) in due)
            {
                if (!await DeliverAsync(lease, webhook, payload, letter, ct))
                {
                    return;
                }
            }
            if (due.Count == 0)
            {
                // Until the outbox subscription of this process commits, this process asks (a registration, a replay), or a poll is due.
                await Task.WhenAny(wake, Task.Delay(settings.PollInterval, ct));
                ct.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>False when the webhook was deleted meanwhile.</summary>
    private async Task<bool> DeliverAsync(WebhookLease lease, WebhookTarget webhook, WebhookPayload payload, Guid? deadLetter, CancellationToken ct)
    {
        var outcome = await sender.DeliverAsync(webhook, payload, error => lease.RecordAttemptAsync(payload.Sequence, error, ct), ct);
        if (outcome.Acknowledged)
        {
            await lease.AcknowledgeAsync(payload.Sequence, deadLetter, ct);
            KnowledgeGraphMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "acknowledged"));
            return true;
        }
        if (await lease.LoadAsync(ct) is null)
        {
            return false;
        }
        WebhookLog.DeadLettered(logger, payload.Sequence, webhook.Url, outcome.Attempts, outcome.LastError ?? "");
        await lease.DeadLetterAsync(payload.Sequence, payload.EventId, outcome, ct);
        KnowledgeGraphMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "dead-lettered"));
        return true;
    }
}
