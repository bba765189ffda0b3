namespace KnowledgeGraph.Domain.Events;

public sealed record FacilityRegistered(
    string FacilityId,
    string Name,
    string OperatorId,
    string Country,
    string Stage,
    string Status,
    IReadOnlyList<string>? Products = null,
    decimal? CapacityTonnesPerYear = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Facility(FacilityId);

    public override bool RegistersEntity() => true;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record FacilityStatusChanged(string FacilityId, string Status) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Facility(FacilityId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>A facility's descriptive attributes changed: at least one of name, stage, products, capacity.</summary>
public sealed record FacilityUpdated(
    string FacilityId,
    string? Name = null,
    string? Stage = null,
    IReadOnlyList<string>? Products = null,
    decimal? CapacityTonnesPerYear = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Facility(FacilityId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}
