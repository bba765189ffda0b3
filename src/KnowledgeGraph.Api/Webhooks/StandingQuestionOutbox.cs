using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.EventStore;
using Marten;
using Marten.Subscriptions;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// Fills the outbox of the webhooks that stand on a question, as a Marten subscription of its own (so that deal
/// webhooks never wait for the graph): for each stored event that changes a webhook's answer, as
/// <see cref="StandingAnswers"/> decides for <c>answerChanged</c> too, it writes the change in the transaction that
/// moves its checkpoint and the webhooks' cursors. Answers at a knowledge point never change, so a page examined
/// again after a crash writes the same deliveries.
/// </summary>
public sealed class StandingQuestionOutbox : SubscriptionBase
{
    public const string SubscriptionName = "webhook-questions";

    private readonly WebhookStore _webhooks;
    private readonly IServiceProvider _services;
    private readonly WebhookSignal _signal;

    public StandingQuestionOutbox(WebhookStore webhooks, IServiceProvider services, WebhookSignal signal)
    {
        (_webhooks, _services, _signal) = (webhooks, services, signal);
        Name = SubscriptionName;
    }

    // Asked for when first needed: the answers read the document store, whose configuration names this subscription.
    private StandingAnswers Answers => _services.GetRequiredService<StandingAnswers>();

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var webhooks = (await _webhooks.CursorsAsync(cancellationToken)).Where(w => w.Question is not null && w.Cursor < page.SequenceCeiling).ToList();
        if (webhooks.Count == 0)
        {
            return NullChangeListener.Instance;
        }
        var events = await WebhookOutbox.EventsAsync(page, webhooks.Min(w => w.Cursor), null, operations, cancellationToken);
        foreach (var webhook in webhooks)
        {
            var follow = Answers.FollowEvents(webhook.Question!);
            foreach (var e in events.Where(e => e.Sequence > webhook.Cursor))
            {
                var eventId = EnvelopeHeaders.Read(e).Id;
                if (await follow(StreamId.Parse(e.StreamKey!).Kind, e.Sequence, eventId, cancellationToken) is { } change)
                {
                    var payload = WebhookPayload.For(change);
                    operations.QueueSqlCommand(WebhookOutbox.Enqueue, webhook.Id, payload.Sequence, payload.EventId, payload.Body, payload.ContentType, webhook.Id);
                }
            }
        }
        return WebhookOutbox.MoveCursors(page, webhooks, operations, _signal);
    }
}
