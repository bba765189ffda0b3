using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// A registered webhook as its owner sees it (never its secret). <paramref name="Cursor"/> is the last sequence it is
/// done with (acknowledged, dead-lettered or not matching). With a <paramref name="Question"/>, it receives the changes of
/// that standing question's answer instead of deal events.
/// </summary>
public sealed record Webhook(Guid Id, string Url, DealFilter Filter, StandingQuestion? Question, DateTimeOffset CreatedAt, long Cursor);

/// <summary>What an outbox subscription needs of a webhook: what it follows, and how far it was examined.</summary>
public sealed record WebhookCursor(Guid Id, DealFilter Filter, StandingQuestion? Question, long Cursor);

/// <summary>A delivery given up after every attempt failed; it can be replayed.</summary>
public sealed record DeadLetter(Guid Id, Guid WebhookId, long Sequence, string EventId, int Attempts, string LastError, DateTimeOffset FailedAt);

/// <summary>What the delivering worker needs: where to post, and how to sign.</summary>
public sealed record WebhookTarget(Guid Id, Uri Url, string Secret);

/// <summary>The result of delivering one event, after as many attempts as it took.</summary>
public sealed record DeliveryOutcome(bool Acknowledged, int Attempts, string? LastError);

/// <summary>One event sent to a webhook: how many attempts it took so far, and whether the receiver acknowledged it.</summary>
public sealed record Delivery(long Sequence, string EventId, int Attempts, string? LastError, DateTimeOffset? AcknowledgedAt);
