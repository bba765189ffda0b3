using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// One event as the event store holds it, read raw (no deserialization): what subscriptions and webhooks deliver.
/// <paramref name="Data"/> and <paramref name="Source"/> are JSON text.
/// </summary>
public sealed record StoredEvent(
    long Sequence, string EventId, string EventType, StreamId Stream, DateOnly EffectiveDate, string Data, string Source) : IAtSequence;

/// <summary>What a subscription delivers for one stored event: the event's sequence is the knowledge point of its answer.</summary>
public interface IAtSequence
{
    long Sequence { get; }
}
