using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Graph.Model;

/// <summary>
/// A version of a node of the graph. Static nodes (countries, blocs, products) have no events and no validity. In knowledge
/// time the version was believed from the stored sequence <see cref="RecordedFrom"/> (inclusive) until
/// <see cref="RecordedTo"/> (exclusive; null while it still is), when a later event superseded or retracted it.
/// </summary>
public sealed record GraphNode(string Label, string Id, DateOnly? ValidFrom, JsonObject Properties, IReadOnlyList<string> EventIds,
    long RecordedFrom = 0, long? RecordedTo = null)
{
    public string? Text(string key) => Properties[key]?.GetValue<string>();

    public bool IsValidAt(DateOnly date) => ValidFrom is null || ValidFrom <= date;
}

/// <summary>
/// One version of a relationship, valid in world time from <see cref="ValidFrom"/> (inclusive) to
/// <see cref="ValidTo"/> (exclusive; null when open). A status change closes one version and opens the next. In knowledge
/// time, as a node's version, it was believed from <see cref="RecordedFrom"/> until <see cref="RecordedTo"/>.
/// </summary>
public sealed record GraphEdge(
    string Type, string FromLabel, string FromId, string ToLabel, string ToId, string Key,
    DateOnly ValidFrom, DateOnly? ValidTo, JsonObject Properties, IReadOnlyList<string> EventIds,
    long RecordedFrom = 0, long? RecordedTo = null)
{
    public string? Text(string key) => Properties[key]?.GetValue<string>();

    public decimal? Number(string key) => Properties[key]?.GetValue<decimal>();

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
}

/// <summary>An event of a stream as the projection reads it, with the instant the store recorded it.</summary>
public sealed record StreamEvent(long Sequence, EventEnvelope Envelope, DateTimeOffset? RecordedAt = null);
