using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Writes the graph into Neo4j, one explicit transaction per batch of streams, with the same meaning as the PostgreSQL
/// writer: per-stream replace guarded by sequence, dangling relationships recorded as errors.
/// </summary>
/// <remarks>
/// Why explicit transactions rather than one statement of <c>CALL {}</c> subqueries per batch: labels and types cannot be
/// parameters, so a batch is a varying set of statements (one per label, per relationship type and end labels); an explicit
/// transaction makes that set atomic while every statement stays a fixed, linted constant. A failure rolls the whole batch
/// back and Polly runs it again from the start; that is safe because every write is an upsert keyed by stable ids and the
/// stream claim makes a batch that did commit a no-op the second time.
/// </remarks>
public sealed class Neo4jGraphWriter(Neo4jQueryClient client) : IGraphWriter
{
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        // Schema changes cannot share a transaction with data writes; IF NOT EXISTS makes concurrent start-ups harmless.
        IEnumerable<string> schema =
        [
            .. Labels.All.Select(label => CypherSlots.BindLabel(Cypher.NodeIdIsUnique, label)),
            .. Labels.All.Select(label => CypherSlots.BindLabel(Cypher.NodeStreamIndex, label)),
            .. Relationships.All.Select(type => CypherSlots.BindType(Cypher.RelationshipStreamIndex, type)),
            Cypher.EventIdIsUnique, Cypher.EventStreamIndex, Cypher.StreamIdIsUnique, Cypher.ErrorStreamIndex,
        ];
        foreach (var statement in schema)
        {
            await client.RunAsync(statement, null, ct);
        }
        await client.RunInTransactionAsync(async (tx, token) =>
        {
            await UpsertNodesAsync(tx, StaticGraph.Nodes.Select(n => (n, (string?)null)).ToList(), token);
            return await UpsertRelationshipsAsync(tx, StaticGraph.Edges, null, token);
        }, ct);
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        // In batches, each its own transaction, so that a large graph does not have to fit in one transaction's memory.
        long deleted;
        do
        {
            deleted = (await client.RunAsync(Cypher.DeleteSomeNodes, null, ct)).Rows[0].Number("deleted");
        }
        while (deleted > 0);
        await EnsureSchemaAsync(ct);
    }

    public async Task WriteAsync(IReadOnlyList<StreamGraph> streams, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count > 0)
        {
            await client.RunInTransactionAsync(async (tx, token) => await WriteBatchAsync(tx, streams, token), ct);
        }
    }

    /// <summary>Claims the streams, then replaces what each fresh one contributes; returns how many were fresh.</summary>
    private static async Task<int> WriteBatchAsync(Neo4jTransaction tx, IReadOnlyList<StreamGraph> streams, CancellationToken ct)
    {
        var ordered = streams.OrderBy(s => s.Sequence).ToList();
        var claims = await tx.RunAsync(Cypher.ClaimStreams, new JsonObject
        {
            ["streams"] = new JsonArray(ordered.Select(s => (JsonNode?)new JsonObject { ["stream"] = s.Stream, ["seq"] = s.Sequence }).ToArray()),
        }, ct);
        var claimed = claims.Rows.Select(r => (r.Text("stream"), r.Number("seq"))).ToHashSet();
        var fresh = ordered.Where(s => claimed.Contains((s.Stream, s.Sequence))).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }
        var names = fresh.Select(s => s.Stream).Distinct(StringComparer.Ordinal).ToList();
        foreach (var type in Relationships.All)
        {
            await tx.RunAsync(CypherSlots.BindType(Cypher.DeleteStreamRelationships, type), new JsonObject { ["streams"] = Neo4jRows.Strings(names) }, ct);
        }
        await tx.RunAsync(Cypher.DeleteStreamErrors, new JsonObject { ["streams"] = Neo4jRows.Strings(names) }, ct);

        var nodes = fresh.SelectMany(s => s.Nodes.Select(n => (n, (string?)s.Stream))).ToList();
        await UpsertNodesAsync(tx, nodes, ct);
        foreach (var label in Labels.All)
        {
            await tx.RunAsync(CypherSlots.BindLabel(Cypher.DeleteAbandonedNodes, label), new JsonObject
            {
                ["streams"] = Neo4jRows.Strings(names),
                ["kept"] = Neo4jRows.Strings(nodes.Where(n => n.Item1.Label == label).Select(n => n.Item1.Id).Distinct(StringComparer.Ordinal)),
            }, ct);
        }

        var errors = fresh.SelectMany(s => s.Errors.Select(e => Neo4jRows.Error(s.Stream, e))).ToList();
        foreach (var stream in fresh)
        {
            foreach (var missing in await UpsertRelationshipsAsync(tx, stream.Edges, stream.Stream, ct))
            {
                var sequence = stream.Events.FirstOrDefault(e => e.EventId == missing.EventId)?.Sequence ?? stream.Sequence;
                errors.Add(Neo4jRows.Error(stream.Stream, missing with { Sequence = sequence }));
            }
        }
        var events = fresh.SelectMany(s => s.Events).Select(Neo4jRows.Event).ToArray<JsonNode?>();
        if (events.Length > 0)
        {
            await tx.RunAsync(Cypher.UpsertEvents, new JsonObject { ["rows"] = new JsonArray(events) }, ct);
        }
        if (errors.Count > 0)
        {
            await tx.RunAsync(Cypher.InsertErrors, new JsonObject { ["rows"] = new JsonArray(errors.ToArray<JsonNode?>()) }, ct);
        }
        return fresh.Count;
    }

    private static async Task UpsertNodesAsync(Neo4jTransaction tx, IReadOnlyList<(GraphNode Node, string? Stream)> nodes, CancellationToken ct)
    {
        foreach (var group in nodes.GroupBy(n => n.Node.Label, StringComparer.Ordinal))
        {
            var rows = group.Select(n => (JsonNode?)Neo4jRows.Node(n.Node, n.Stream)).ToArray();
            await tx.RunAsync(CypherSlots.BindLabel(Cypher.UpsertNodes, group.Key), new JsonObject { ["rows"] = new JsonArray(rows) }, ct);
        }
    }

    /// <summary>Upserts the relationships whose two ends exist; returns an error for each of the others.</summary>
    private static async Task<List<ProjectionError>> UpsertRelationshipsAsync(
        Neo4jTransaction tx, IReadOnlyList<GraphEdge> edges, string? stream, CancellationToken ct)
    {
        var written = new HashSet<int>();
        var indexed = edges.Select((edge, index) => (Edge: edge, Index: index)).ToList();
        foreach (var group in indexed.GroupBy(e => (e.Edge.Type, e.Edge.FromLabel, e.Edge.ToLabel)))
        {
            var (type, from, to) = group.Key;
            // A label or type the graph does not have cannot name existing ends: such an edge is reported as dangling.
            if (!CypherSlots.IsRelationshipType(type) || !CypherSlots.IsLabel(from) || !CypherSlots.IsLabel(to))
            {
                continue;
            }
            var rows = group.Select(e => (JsonNode?)Neo4jRows.Relationship(e.Edge, e.Index, stream)).ToArray();
            var result = await tx.RunAsync(CypherSlots.Bind(Cypher.UpsertRelationships, type: type, from: from, to: to),
                new JsonObject { ["rows"] = new JsonArray(rows) }, ct);
            written.UnionWith(result.Rows.Select(r => (int)r.Number("index")));
        }
        return indexed
            .Where(e => !written.Contains(e.Index))
            .Select(e => new ProjectionError(0, e.Edge.EventIds.Count > 0 ? e.Edge.EventIds[0] : "",
                $"{e.Edge.Type} from {e.Edge.FromLabel} '{e.Edge.FromId}' to {e.Edge.ToLabel} '{e.Edge.ToId}' names a node that does not exist"))
            .ToList();
    }

    public Task<GraphStatus> StatusAsync(CancellationToken ct) => Neo4jDump.StatusAsync(client, ct);

    public Task<IReadOnlyList<string>> DumpAsync(CancellationToken ct) => Neo4jDump.DumpAsync(client, ct);
}
