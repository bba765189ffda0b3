using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Writes the graph into Neo4j with the same meaning as the PostgreSQL writer: per-stream replace guarded by sequence,
/// dangling relationships recorded as errors.
/// </summary>
/// <remarks>
/// Each batch is one statement in one auto-commit request (<see cref="Neo4jBatch"/>), atomic on its own. A timeout or a
/// lost reply is retried with the same statement; if the first attempt did commit, its stream claims make the second a
/// no-op. So no server transaction is ever left open, and the writes work on a cluster as on a single server.
/// </remarks>
public sealed class Neo4jGraphWriter(Neo4jQueryClient client) : IGraphWriter
{
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        // A graph of the layout before the history is dropped, as the PostgreSQL writer drops an earlier layout, and
        // `kg rebuild` projects the events again: its earlier knowledge points would otherwise read as empty.
        if ((await client.RunAsync(Cypher.HistoryMissing, null, ct)).Rows.Count > 0)
        {
            await DropAsync(ct);
        }
        await CreateSchemaAsync(ct);
    }

    private async Task CreateSchemaAsync(CancellationToken ct)
    {
        // Schema changes cannot share a transaction with data writes; IF NOT EXISTS makes concurrent start-ups harmless.
        IEnumerable<string> schema =
        [
            .. Labels.All.Select(label => CypherSlots.BindLabel(Cypher.NodeIdIsUnique, label)),
            .. Labels.All.Select(label => CypherSlots.BindLabel(Cypher.NodeStreamIndex, label)),
            .. Relationships.All.Select(type => CypherSlots.BindType(Cypher.RelationshipStreamIndex, type)),
            Cypher.EventIdIsUnique, Cypher.EventStreamIndex, Cypher.StreamIdIsUnique, Cypher.ErrorStreamIndex, Cypher.VanishedIdIndex,
            Cypher.EventSeqIndex, Cypher.EventRecordedAtIndex,
            Cypher.NodeVersionIsUnique, Cypher.NodeVersionStreamIndex, Cypher.NodeVersionIdIndex, Cypher.NodeVersionLabelIndex,
            Cypher.EdgeVersionIsUnique, Cypher.EdgeVersionStreamIndex, Cypher.EdgeVersionTypeIndex, Cypher.EdgeVersionFromIndex,
        ];
        foreach (var statement in schema)
        {
            await client.WriteAsync(statement, null, ct);
        }
        foreach (var group in StaticGraph.Nodes.GroupBy(n => n.Label, StringComparer.Ordinal))
        {
            await client.WriteAsync(CypherSlots.BindLabel(Cypher.UpsertNodes, group.Key),
                new JsonObject { ["rows"] = new JsonArray(group.Select(n => (JsonNode?)Neo4jRows.Node(n, null)).ToArray()) }, ct);
        }
        foreach (var group in StaticGraph.Edges.GroupBy(e => (e.Type, e.FromLabel, e.ToLabel)))
        {
            await client.WriteAsync(CypherSlots.Bind(Cypher.UpsertRelationships, type: group.Key.Type, from: group.Key.FromLabel, to: group.Key.ToLabel),
                new JsonObject { ["rows"] = new JsonArray(group.Select(e => (JsonNode?)Neo4jRows.Relationship(e, null)).ToArray()) }, ct);
        }
        // The history holds them too, as PostgreSQL's version tables do: one version each, of no stream, believed from the start.
        await client.WriteAsync(Cypher.UpsertNodeVersions,
            new JsonObject { ["rows"] = new JsonArray(StaticGraph.Nodes.Select(n => (JsonNode?)Neo4jRows.NodeVersion(n, null)).ToArray()) }, ct);
        await client.WriteAsync(Cypher.UpsertEdgeVersions,
            new JsonObject { ["rows"] = new JsonArray(StaticGraph.Edges.Select(e => (JsonNode?)Neo4jRows.EdgeVersion(e, null)).ToArray()) }, ct);
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        await DropAsync(ct);
        await CreateSchemaAsync(ct);
    }

    /// <summary>Deletes this graph's nodes and relationships, and nothing else the database holds.</summary>
    public async Task DropAsync(CancellationToken ct)
    {
        // In batches, each its own transaction, so that a large graph does not have to fit in one transaction's memory.
        long deleted;
        do
        {
            deleted = (await client.WriteAsync(Cypher.DeleteSomeNodes, null, ct)).Rows[0].Number("deleted");
        }
        while (deleted > 0);
    }

    public async Task WriteAsync(IReadOnlyList<StreamGraph> streams, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count > 0)
        {
            var (statement, parameters) = Neo4jBatch.For(streams);
            await client.WriteAsync(statement, parameters, ct);
        }
    }

    public Task<GraphStatus> StatusAsync(CancellationToken ct) => Neo4jDump.StatusAsync(client, ct);

    public Task<IReadOnlyList<string>> DumpAsync(CancellationToken ct) => Neo4jDump.DumpAsync(client, ct);
}
