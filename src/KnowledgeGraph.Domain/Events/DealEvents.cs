namespace KnowledgeGraph.Domain.Events;

public sealed record InvestmentMade(
    string DealId,
    string InvestorId,
    string TargetId,
    string Instrument,
    string Status,
    decimal? Amount = null,
    string? Currency = null,
    decimal? StakePercent = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => true;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record InvestmentStatusChanged(string DealId, string Status) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>A completed equity or acquisition stake raised, reduced or sold (0).</summary>
public sealed record StakeChanged(string DealId, decimal StakePercent) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record PartnershipFormed(
    string DealId,
    IReadOnlyList<string> PartyIds,
    string Kind,
    string Status,
    IReadOnlyList<string>? Products = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => true;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>A partnership moving forward: proposed, then announced, then active.</summary>
public sealed record PartnershipStatusChanged(string DealId, string Status) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record PartnershipEnded(string DealId, string? Reason = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record SupplyAgreementSigned(
    string DealId,
    string SupplierId,
    string BuyerId,
    string Product,
    string Status,
    decimal? VolumeTonnesPerYear = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => true;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

/// <summary>A proposed supply agreement signed.</summary>
public sealed record SupplyAgreementStatusChanged(string DealId, string Status) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record SupplyAgreementEnded(string DealId, string? Reason = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Deal(DealId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}
