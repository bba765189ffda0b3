namespace KnowledgeGraph.Domain.Events;

/// <summary>Removes the effect of an earlier event everywhere; the retraction itself stays visible.</summary>
public sealed record EventRetracted(string EventId, string Reason) : CatalogEvent
{
    /// <summary>The stream of the event it retracts: a retraction names no entity of its own.</summary>
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => streamOfStoredEvent(EventId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}
