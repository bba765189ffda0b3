using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>Where the projection writes the graph. Writes are idempotent: keyed by stable ids, guarded by sequence.</summary>
public interface IGraphWriter
{
    /// <summary>Creates the schema (or constraints) and the static nodes: countries, blocs, products and categories.</summary>
    Task EnsureSchemaAsync(CancellationToken ct);

    /// <summary>
    /// Replaces what each stream contributes to the graph, unless that stream was already projected at the same or a
    /// later sequence. A relationship to a node that does not exist is not written and is recorded as a projection error.
    /// </summary>
    Task WriteAsync(IReadOnlyList<StreamGraph> streams, CancellationToken ct);

    /// <summary>Drops the whole graph and creates it empty again (for a rebuild).</summary>
    Task ResetAsync(CancellationToken ct);

    /// <summary>After a bulk load (a rebuild): lets the store refresh what its planner knows of the new graph.</summary>
    Task AfterBulkLoadAsync(CancellationToken ct) => Task.CompletedTask;

    Task<GraphStatus> StatusAsync(CancellationToken ct);

    /// <summary>Every node, relationship, provenance event and error as sorted lines: equal graphs give equal dumps.</summary>
    Task<IReadOnlyList<string>> DumpAsync(CancellationToken ct);
}

public sealed record GraphStatus(long ProjectedSequence, int Nodes, int Edges, int Errors, IReadOnlyList<ProjectionError> RecentErrors);
