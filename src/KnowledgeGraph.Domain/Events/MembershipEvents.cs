namespace KnowledgeGraph.Domain.Events;

public sealed record BlocJoined(string Country, string Bloc) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Country(Country);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}

public sealed record BlocLeft(string Country, string Bloc) : CatalogEvent
{
    public override StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent) => StreamId.Country(Country);

    public override bool RegistersEntity() => false;

    public override TResult Accept<TResult>(IEventVisitor<TResult> visitor) => visitor.Visit(this);
}
