using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.EventStore;
using Marten;
using Marten.Services;
using Marten.Subscriptions;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// Fills the webhooks' outbox from the event store, as a Marten subscription run by the async daemon (with several API
/// processes, only by the one its hot/cold election made leader). For each deal event and each webhook registered before
/// it whose filter matches, it writes the delivery, payload included, in the transaction that also moves its checkpoint
/// and the webhooks' cursors: an event is in the outbox exactly when the checkpoint has passed it, after a crash too.
/// The deal is what the projection's fold makes of its stream up to the event, so it never waits for the graph.
/// </summary>
public sealed class WebhookOutbox : SubscriptionBase
{
    public const string SubscriptionName = "webhooks";
    private const string S = WebhookStore.Schema;

    internal const string Enqueue = $"""
        INSERT INTO {S}.outbox (webhook_id, sequence, event_id, body, content_type)
        SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM {S}.webhooks WHERE id = ?)
        ON CONFLICT (webhook_id, sequence) DO NOTHING
        """;

    private readonly WebhookStore _webhooks;
    private readonly WebhookSignal _signal;
    private readonly TimeProvider _time;

    public WebhookOutbox(WebhookStore webhooks, WebhookSignal signal, TimeProvider time)
    {
        (_webhooks, _signal, _time) = (webhooks, signal, time);
        Name = SubscriptionName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var webhooks = (await _webhooks.CursorsAsync(cancellationToken)).Where(w => w.Question is null && w.Cursor < page.SequenceCeiling).ToList();
        if (webhooks.Count == 0)
        {
            return NullChangeListener.Instance;
        }
        var today = DealEvents.Today(_time);
        foreach (var e in await EventsAsync(page, webhooks.Min(w => w.Cursor), WebhookStore.DealStreams, operations, cancellationToken))
        {
            var targets = webhooks.Where(w => w.Cursor < e.Sequence).ToList();
            if (targets.Count == 0 || await DealEvents.DealAsync(operations, StreamId.Parse(e.StreamKey!), e.Sequence, cancellationToken) is not { } deal)
            {
                continue;
            }
            WebhookPayload? payload = null;
            foreach (var webhook in targets)
            {
                if (await DealEvents.MatchesAsync(operations, deal, e.Sequence, webhook.Filter, today, cancellationToken))
                {
                    payload ??= WebhookPayload.For(e.Sequence, EnvelopeHeaders.Read(e), deal);
                    operations.QueueSqlCommand(Enqueue, webhook.Id, payload.Sequence, payload.EventId, payload.Body, payload.ContentType, webhook.Id);
                }
            }
        }
        return MoveCursors(page, webhooks, operations, _signal);
    }

    /// <summary>Marks the page examined for the webhooks, in the transaction of its deliveries and checkpoint; wakes the senders after it.</summary>
    internal static IChangeListener MoveCursors(EventRange page, IEnumerable<WebhookCursor> webhooks, IDocumentOperations operations, WebhookSignal signal)
    {
        operations.QueueSqlCommand($"UPDATE {S}.webhooks SET cursor = greatest(cursor, ?) WHERE id = ANY(?)",
            page.SequenceCeiling, webhooks.Select(w => w.Id).ToArray());
        return new WakeSenders(signal);
    }

    /// <summary>
    /// The page's events of the streams starting with <paramref name="streams"/> (all when null) and, before them, those
    /// a webhook registered meanwhile (its cursor below the page) has not been examined for yet.
    /// </summary>
    internal static async Task<IReadOnlyList<IEvent>> EventsAsync(EventRange page, long from, string? streams, IQuerySession session, CancellationToken ct)
    {
        var earlier = from >= page.SequenceFloor ? [] : await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > from && e.Sequence <= page.SequenceFloor && (streams == null || e.StreamKey!.StartsWith(streams)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return [.. earlier.Concat(page.Events).Where(e => e.StreamKey is { } stream && (streams is null || stream.StartsWith(streams, StringComparison.Ordinal))
            && StreamId.TryParse(stream, out _) && EnvelopeHeaders.HasEnvelope(e))];
    }

    /// <summary>Wakes this process's senders once the deliveries are committed (the other processes poll).</summary>
    private sealed class WakeSenders(WebhookSignal signal) : IChangeListener
    {
        public Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            signal.Pulse();
            return Task.CompletedTask;
        }

        public Task BeforeCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }
}
