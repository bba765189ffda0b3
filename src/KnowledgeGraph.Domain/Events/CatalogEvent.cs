namespace KnowledgeGraph.Domain.Events;

/// <summary>
/// An event of the catalog: every type of <see cref="EventCatalog.Types"/> derives from it and says, in its own terms,
/// what every event must say. Methods rather than properties, so that the wire format stays each record's own fields.
/// </summary>
public abstract record CatalogEvent
{
    /// <summary>
    /// The stream the event is appended to, named by its own fields. A retraction has none of its own: it joins the
    /// stream of the event it retracts, which only the store knows, so the store's answer is passed in.
    /// </summary>
    public abstract StreamId StreamIn(Func<string, StreamId> streamOfStoredEvent);

    /// <summary>Whether the event registers the entity its stream is about: the event that stream's fold opens with.</summary>
    public abstract bool RegistersEntity();

    /// <summary>Hands the event to the visitor's method for its type; one method per type, so a new type must be handled everywhere.</summary>
    public abstract TResult Accept<TResult>(IEventVisitor<TResult> visitor);
}
