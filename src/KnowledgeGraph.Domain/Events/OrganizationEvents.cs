namespace KnowledgeGraph.Domain.Events;

public sealed record OrganizationRegistered(
    string OrgId,
    string Name,
    string Country,
    string Kind,
    IReadOnlyList<string>? Stages = null,
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyList<string>? Consumes = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Organization(OrgId);

    public override bool RegistersEntity() => true;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record OrganizationUpdated(
    string OrgId,
    string? Name = null,
    string? Country = null,
    string? Kind = null,
    IReadOnlyList<string>? Stages = null,
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyList<string>? Consumes = null) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Organization(OrgId);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}
