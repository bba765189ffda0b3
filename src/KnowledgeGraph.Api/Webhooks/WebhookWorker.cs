using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Api.Telemetry;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// Delivers one webhook's events strictly in sequence order while it holds the webhook's lease: the stored events after
/// its cursor, up to the feed's safe head, each matching deal event until acknowledged or dead-lettered; and, first,
/// any dead letter whose replay was asked for.
/// </summary>
internal sealed class WebhookWorker(
    Guid id, WebhookStore store, EventFeed feed, DealEvents deals, WebhookSender sender, WebhookSettings settings, WebhookSignal signal,
    ILogger logger)
{
    private const int Page = 100;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    public async Task RunAsync(CancellationToken ct)
    {
        await using var lease = await WebhookLease.TryAcquireAsync(store.DataSource, id, ct);
        if (lease is null)
        {
            return;
        }
        await feed.Started.WaitAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.Next;
            if (await lease.LoadAsync(ct) is not { } webhook || !await ReplayAsync(lease, webhook, ct))
            {
                return;
            }
            switch (await DeliverNewAsync(lease, webhook, ct))
            {
                case Progress.Gone:
                    return;
                case Progress.None:
                    await WaitAsync(webhook.Cursor, wake, ct);
                    break;
            }
        }
    }

    private async Task<bool> ReplayAsync(WebhookLease lease, WebhookTarget webhook, CancellationToken ct)
    {
        foreach (var (letter, sequence) in await lease.ReplaysAsync(ct))
        {
            var stored = await feed.Reader.ReadAsync(sequence - 1, sequence, 1, ct);
            // Matched when it was first tried; the deal is sent as the graph holds it now.
            var recorded = stored is [var e] ? await deals.ResolveAsync(e, new DealFilter(), ct) : null;
            if (recorded is null)
            {
                await lease.AcknowledgeAsync(sequence, letter, ct);
            }
            else if (!await DeliverAsync(lease, webhook, WebhookPayload.For(stored[0], recorded), letter, ct))
            {
                return false;
            }
        }
        return true;
    }

    private async Task<Progress> DeliverNewAsync(WebhookLease lease, WebhookTarget webhook, CancellationToken ct)
    {
        var head = feed.Head;
        if (head <= webhook.Cursor)
        {
            return Progress.None;
        }
        var events = await feed.Reader.ReadAsync(webhook.Cursor, head, Page, ct);
        foreach (var e in events)
        {
            if (await deals.ResolveAsync(e, webhook.Filter, ct) is { } recorded
                && !await DeliverAsync(lease, webhook, WebhookPayload.For(e, recorded), null, ct))
            {
                return Progress.Gone;
            }
        }
        var examined = events.Count < Page ? head : events[^1].Sequence;
        return await lease.SkipToAsync(examined, ct) ? Progress.Some : Progress.Gone;
    }

    /// <summary>False when the webhook was deleted meanwhile.</summary>
    private async Task<bool> DeliverAsync(WebhookLease lease, WebhookTarget webhook, WebhookPayload payload, Guid? deadLetter, CancellationToken ct)
    {
        var outcome = await sender.DeliverAsync(webhook, payload, error => lease.RecordAttemptAsync(payload.Sequence, payload.EventId, error, ct), ct);
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

    /// <summary>Until the feed has something past the cursor, this process asks (a registration, a replay), or a poll is due.</summary>
    private async Task WaitAsync(long cursor, Task wake, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + settings.PollInterval;
        while (feed.Head <= cursor && !wake.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.WhenAny(wake, Task.Delay(Tick, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    private enum Progress
    {
        None,
        Some,
        Gone,
    }
}
