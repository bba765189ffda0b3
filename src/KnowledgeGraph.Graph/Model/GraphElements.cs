using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Graph.Model;

/// <summary>
/// A node of the graph: one typed record per label (see Nodes.cs and Deals.cs), carrying the facts its fold derived.
/// Static nodes (countries, blocs, products, categories) have no events and no validity. <see cref="ValidFrom"/> is the
/// effective date of its registration. As a version in world time, its attributes hold from <see cref="AttributesFrom"/>
/// (inclusive; null for the attributes it was registered with, which also answer for dates before its registration)
/// until <see cref="AttributesTo"/> (exclusive; null when open). As a version in knowledge time, it was believed from
/// the stored sequence <see cref="RecordedFrom"/> (inclusive) until <see cref="RecordedTo"/> (exclusive; null while it
/// still is), when a later event of its stream superseded or retracted it.
/// </summary>
public abstract record GraphNode(string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds)
{
    public abstract string Label { get; }

    public DateOnly? AttributesFrom { get; init; }

    public DateOnly? AttributesTo { get; init; }

    public long RecordedFrom { get; init; }

    public long? RecordedTo { get; init; }

    /// <summary>How a reader names it: its name or title, else its id.</summary>
    public virtual string Caption => Id;

    public bool IsValidAt(DateOnly date) => ValidFrom is null || ValidFrom <= date;
}

/// <summary>
/// One version of a relationship, valid in world time from <see cref="ValidFrom"/> (inclusive) to
/// <see cref="ValidTo"/> (exclusive; null when open). A status change closes one version and opens the next.
/// One typed record per relationship type (see Relationships.cs). In knowledge time, as a node's version, it was
/// believed from <see cref="RecordedFrom"/> until <see cref="RecordedTo"/>.
/// </summary>
public abstract record GraphEdge(
    string FromLabel, string FromId, string ToLabel, string ToId, string Key,
    DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
{
    public abstract string Type { get; }

    public long RecordedFrom { get; init; }

    public long? RecordedTo { get; init; }

    public bool IsValidAt(DateOnly date) => ValidFrom <= date && (ValidTo is null || date < ValidTo);
}

/// <summary>
/// Where a fact came from: a stored event with its source, when it was recorded, and the retraction that cancelled it
/// (with the retraction's sequence), if any.
/// </summary>
public sealed record ProvenanceEvent(string EventId, long Sequence, string Type, DateOnly EffectiveDate, Source Source, string Stream, string? RetractedBy,
    long? RetractedAtSequence = null, DateTimeOffset? RecordedAt = null);

/// <summary>An event the projection could not apply (it slipped past validation); the rest goes on.</summary>
public sealed record ProjectionError(long Sequence, string EventId, string Reason);

/// <summary>Everything one stream contributes to the graph, folded from its events up to <see cref="Sequence"/>.</summary>
public sealed record StreamGraph(
    string Stream, long Sequence,
    IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges,
    IReadOnlyList<ProvenanceEvent> Events, IReadOnlyList<ProjectionError> Errors)
{
    /// <summary>Only the versions still believed, as the stream's events up to its sequence say them.</summary>
    public StreamGraph Current() => this with
    {
        Nodes = Nodes.Where(n => n.RecordedTo is null).ToList(),
        Edges = Edges.Where(e => e.RecordedTo is null).ToList(),
    };

    /// <summary>What is believed now, each node with its latest attributes in world time (a store that keeps no history).</summary>
    public StreamGraph Latest()
    {
        var current = Current();
        return current with { Nodes = current.Nodes.Where(n => n.AttributesTo is null).ToList() };
    }
}

/// <summary>An event of a stream as the projection reads it, with the instant the store recorded it.</summary>
public sealed record StreamEvent(long Sequence, EventEnvelope Envelope, DateTimeOffset? RecordedAt = null);
