using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Only the simple reads of another reader: every question then takes the port's default implementation, the one an
/// adapter without native statements (Neo4j today) runs, so the contract suite holds those defaults to the same answers.
/// </summary>
public sealed class ComposedReader(IGraphReader inner) : IGraphReader
{
    public Task<IReadOnlyList<GraphNode>> NodesAsync(string label, IReadOnlyCollection<string> ids, CancellationToken ct) => inner.NodesAsync(label, ids, ct);

    public Task<IReadOnlyList<GraphNode>> AllNodesAsync(string label, CancellationToken ct) => inner.AllNodesAsync(label, ct);

    public Task<IReadOnlyList<GraphEdge>> EdgesAsync(EdgeQuery query, CancellationToken ct) => inner.EdgesAsync(query, ct);

    public Task<Page<GraphNode>> OrganizationsAsync(OrganizationFilter filter, DateOnly asOf, string? after, int first, CancellationToken ct) =>
        inner.OrganizationsAsync(filter, asOf, after, first, ct);

    public Task<Page<GraphNode>> SearchAsync(string text, int skip, int first, CancellationToken ct) => inner.SearchAsync(text, skip, first, ct);

    public Task<IReadOnlyList<ProvenanceEvent>> EventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct) => inner.EventsAsync(eventIds, ct);

    public Task<IReadOnlyList<ProvenanceEvent>> StreamEventsAsync(string stream, CancellationToken ct) => inner.StreamEventsAsync(stream, ct);

    public IGraphReader KnownAt(Knowledge knowledge) => new ComposedReader(inner.KnownAt(knowledge));

    public IGraphReader AttributesAsOf(DateOnly asOf) => new ComposedReader(inner.AttributesAsOf(asOf));

    public IGraphReader Pinned(long sequence) => new ComposedReader(inner.Pinned(sequence));

    public Task<KnowledgePoint> KnowledgeAsync(Knowledge knowledge, CancellationToken ct) => inner.KnowledgeAsync(knowledge, ct);
}
