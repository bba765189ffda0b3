namespace KnowledgeGraph.Domain.Events;

public sealed record PolicyEnacted(
    string PolicyId,
    string Jurisdiction,
    string Kind,
    string Title,
    IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? BeneficiaryIds = null,
    IReadOnlyList<string>? TargetCountries = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Policy(PolicyId);

    public override bool RegistersEntity() => true;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record PolicyAmended(
    string PolicyId,
    string? Title = null,
    IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? BeneficiaryIds = null,
    IReadOnlyList<string>? TargetCountries = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Policy(PolicyId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record PolicyRevoked(string PolicyId) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Policy(PolicyId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}
