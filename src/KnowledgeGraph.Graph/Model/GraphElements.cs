using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Graph.Model;

/// <summary>
/// A node of the graph: one typed record per label (see Nodes.cs and Deals.cs), carrying the facts its fold derived.
/// Static nodes (countries, blocs, products, categories) have no events and no validity.
/// </summary>
public abstract record GraphNode(string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds)
{
    public abstract string Label { get; }

    /// <summary>How a reader names it: its name or title, else its id.</summary>
    public virtual string Caption => Id;

    public bool IsValidAt(DateOnly date) => ValidFrom is null || ValidFrom <= date;
}

/// <summary>
/// One version of a relationship, valid in world time from <see cref="ValidFrom"/> (inclusive) to
/// <see cref="ValidTo"/> (exclusive; null when open). A status change closes one version and opens the next.
/// One typed record per relationship type (see Relationships.cs).
/// </summary>
public abstract record GraphEdge(
    string FromLabel, string FromId, string ToLabel, string ToId, string Key,
    DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
{
    public abstract string Type { get; }

    public bool IsValidAt(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}

/// <summary>Where a fact came from: a stored event with its source, and the retraction that cancelled it, if any.</summary>
public sealed record ProvenanceEvent(string EventId, long Sequence, string Type, DateOnly EffectiveDate, Source Source, string Stream, string? RetractedBy);

/// <summary>An event the projection could not apply (it slipped past validation); the rest goes on.</summary>
public sealed record ProjectionError(long Sequence, string EventId, string Reason);

/// <summary>Everything one stream contributes to the graph, folded from its events up to <see cref="Sequence"/>.</summary>
public sealed record StreamGraph(
    string Stream, long Sequence,
    IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges,
    IReadOnlyList<ProvenanceEvent> Events, IReadOnlyList<ProjectionError> Errors);

/// <summary>An event of a stream as the projection reads it.</summary>
public sealed record StreamEvent(long Sequence, EventEnvelope Envelope);
