using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>Which relationships to read: by type, optionally from or to given nodes, optionally valid at a world date.</summary>
public sealed record EdgeQuery(
    IReadOnlyCollection<string> Types,
    IReadOnlyCollection<string>? FromIds = null,
    IReadOnlyCollection<string>? ToIds = null,
    DateOnly? AsOf = null);

/// <summary>Organizations by filter, at a world date. Text matches names and aliases, case-insensitive.</summary>
public sealed record OrganizationFilter(
    IReadOnlyCollection<string>? Countries = null,
    string? Bloc = null,
    Stage? Stage = null,
    string? Product = null,
    string? Text = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount, bool HasNextPage);

public static class Pages
{
    /// <summary>The page of a whole list computed at once, after its first <paramref name="skip"/> items.</summary>
    public static Page<T> Of<T>(IReadOnlyList<T> all, int skip, int first)
    {
        var items = all.Skip(skip).Take(first).ToList();
        return new Page<T>(items, all.Count, skip + items.Count < all.Count);
    }
}

/// <summary>
/// The reads the analyses and the API are built on, written once per adapter (SQL for PostgreSQL, Cypher for Neo4j)
/// and held to the same contract tests. The questions (the second part) are answered by the store in one statement
/// where the adapter can; their default implementations compose the simple reads of the first part.
/// </summary>
public partial interface IGraphReader
{
    Task<IReadOnlyList<GraphNode>> NodesAsync(string label, IReadOnlyCollection<string> ids, CancellationToken ct);

    Task<IReadOnlyList<GraphNode>> AllNodesAsync(string label, CancellationToken ct);

    Task<IReadOnlyList<GraphEdge>> EdgesAsync(EdgeQuery query, CancellationToken ct);

    /// <summary>Organizations registered by <paramref name="asOf"/> that match the filter, ordered by id, after a cursor.</summary>
    Task<Page<GraphNode>> OrganizationsAsync(OrganizationFilter filter, DateOnly asOf, string? after, int first, CancellationToken ct);

    /// <summary>
    /// Organizations, facilities and policies whose name, title or alias contains the text, ranked: exact names first,
    /// then organizations, then names starting with the text, then by name; the page of <paramref name="first"/> after
    /// the first <paramref name="skip"/>, with the count of all matches.
    /// </summary>
    Task<Page<GraphNode>> SearchAsync(string text, int skip, int first, CancellationToken ct);

    Task<IReadOnlyList<ProvenanceEvent>> EventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct);

    Task<IReadOnlyList<ProvenanceEvent>> StreamEventsAsync(string stream, CancellationToken ct);

    /// <summary>This reader answering every question for the given knowledge: the graph as those events describe it.</summary>
    IGraphReader KnownAt(Knowledge knowledge);

    /// <summary>
    /// This reader giving each node the attributes it had at the world date (by default, the latest; relationships are
    /// read at the dates each question names). A store that keeps only the latest attributes gives those.
    /// </summary>
    IGraphReader AttributesAsOf(DateOnly asOf);

    /// <summary>
    /// This reader answering what names no knowledge point at the point the graph held when a request began, however
    /// far the projection goes meanwhile (a store that keeps only what is known now answers with what it holds).
    /// </summary>
    IGraphReader Pinned(long sequence);

    /// <summary>
    /// The knowledge point the knowledge names; for <see cref="Knowledge.All"/>, the point this reader answers at (the
    /// last sequence the graph holds, unless it was given a point).
    /// </summary>
    Task<KnowledgePoint> KnowledgeAsync(Knowledge knowledge, CancellationToken ct);
}
