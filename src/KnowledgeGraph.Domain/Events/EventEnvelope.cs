namespace KnowledgeGraph.Domain.Events;

/// <summary>Where a fact comes from: every event cites one.</summary>
public sealed record Source(string Title, string Publisher, string? Url = null, DateOnly? PublishedAt = null);

/// <summary>
/// One event of the import format: the import id (idempotency key), when it took effect in the world,
/// the source that asserts it, and the typed data of the catalog.
/// </summary>
public sealed record EventEnvelope(string Id, DateOnly EffectiveDate, Source Source, CatalogEvent Data)
{
    public string Type => Data.GetType().Name;
}
