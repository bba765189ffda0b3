using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// One batch of the projection as one Cypher statement and its parameters: the <c>Batch*</c> fragments of
/// <see cref="Cypher"/>, each filled only with the graph's own labels and types, and every value a parameter.
/// </summary>
public static class Neo4jBatch
{
    /// <remarks>
    /// Two parts for each fresh stream. The live graph holds what is believed now (<see cref="StreamGraph.Latest"/>): its
    /// nodes with their latest attributes in world time, its relationships with their world dates, so that the native
    /// questions read it directly. Beside it, the history holds every version of <see cref="StreamGraph"/> in both clocks
    /// (the <c>Version*</c> statements of <see cref="Cypher"/>), from which the reader answers at an earlier knowledge point or at a date when
    /// some node's attributes were not its latest, and which the dump gives line for line as PostgreSQL's.
    /// </remarks>
    public static (string Statement, JsonObject Parameters) For(IReadOnlyList<StreamGraph> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var history = streams;
        streams = streams.Select(s => s.Latest()).ToList();
        var statement = new StringBuilder().AppendLine(Cypher.BatchClaimStreams).AppendLine(Cypher.BatchAdvanceClock);
        foreach (var type in Relationships.All)
        {
            statement.AppendLine(CypherSlots.BindType(Cypher.BatchDeleteRelationships, type));
        }
        statement.AppendLine(Cypher.BatchDeleteErrors).AppendLine(Cypher.BatchDeleteVersions);

        var nodes = new JsonObject();
        var kept = new JsonObject();
        foreach (var label in Labels.All)
        {
            var rows = streams.SelectMany(s => s.Nodes.Where(n => n.Label == label).Select(n => Neo4jRows.Node(n, s.Stream))).ToArray<JsonNode?>();
            if (rows.Length > 0)
            {
                nodes[label] = new JsonArray(rows);
                statement.AppendLine(CypherSlots.BindLabel(Cypher.BatchUpsertNodes, label));
            }
            kept[label] = Neo4jRows.Strings(streams.SelectMany(s => s.Nodes).Where(n => n.Label == label).Select(n => n.Id).Distinct(StringComparer.Ordinal));
            statement.AppendLine(CypherSlots.BindLabel(Cypher.BatchDeleteAbandonedNodes, label));
        }
        statement.AppendLine(Cypher.BatchUpsertNodeVersions).AppendLine(Cypher.BatchUpsertEdgeVersions);

        var errors = streams.SelectMany(s => s.Errors.Select(e => Neo4jRows.Error(s.Stream, e))).ToList();
        var edgeVersions = new JsonArray();
        foreach (var stream in history)
        {
            foreach (var edge in stream.Edges)
            {
                var missing = Neo4jRows.Error(stream.Stream, Dangling(stream, edge));
                // A label or type the graph does not have cannot name existing ends: such an edge dangles.
                if (!Known(edge))
                {
                    errors.Add(missing);
                    continue;
                }
                var row = Neo4jRows.EdgeVersion(edge, stream.Stream);
                row["missing"] = missing;
                edgeVersions.Add(row);
            }
        }
        var relationships = new JsonObject();
        foreach (var stream in streams)
        {
            foreach (var edge in stream.Edges.Where(Known))
            {
                Group(relationships, edge.Type, edge.FromLabel, edge.ToLabel).Add(Neo4jRows.Relationship(edge, stream.Stream));
            }
        }
        foreach (var (type, byFrom) in relationships)
        {
            foreach (var (from, byTo) in byFrom!.AsObject())
            {
                foreach (var (to, _) in byTo!.AsObject())
                {
                    statement.AppendLine(CypherSlots.Bind(Cypher.BatchUpsertRelationships, type: type, from: from, to: to));
                }
            }
        }
        statement.AppendLine(Cypher.BatchDeleteUnheldPlaceholders).AppendLine(Cypher.BatchUpsertEvents).AppendLine(Cypher.BatchInsertErrors)
            .Append(Cypher.BatchReturn);

        return (statement.ToString(), new JsonObject
        {
            ["streams"] = new JsonArray(streams.Select(Claim).ToArray()),
            ["nodes"] = nodes,
            ["kept"] = kept,
            ["relationships"] = relationships,
            ["nodeVersions"] = new JsonArray(history.SelectMany(s => s.Nodes.Select(n => (JsonNode?)Neo4jRows.NodeVersion(n, s.Stream))).ToArray()),
            ["edgeVersions"] = edgeVersions,
            ["events"] = new JsonArray(streams.SelectMany(s => s.Events).Select(e => (JsonNode?)Neo4jRows.Event(e)).ToArray()),
            ["errors"] = new JsonArray(errors.ToArray<JsonNode?>()),
        });
    }

    /// <summary>
    /// The stream's claim of its sequence, with the latest date from which the attributes of a node it holds now
    /// hold (absent when all hold since the registration): see <see cref="Cypher.BatchAdvanceClock"/>.
    /// </summary>
    private static JsonNode Claim(StreamGraph latest)
    {
        var claim = new JsonObject { ["stream"] = latest.Stream, ["seq"] = latest.Sequence };
        if (latest.Nodes.Select(n => n.AttributesFrom).Max() is { } change)
        {
            claim["lastAttributeChange"] = Neo4jRows.Date(change);
        }
        return claim;
    }

    private static bool Known(GraphEdge edge) =>
        CypherSlots.IsRelationshipType(edge.Type) && CypherSlots.IsLabel(edge.FromLabel) && CypherSlots.IsLabel(edge.ToLabel);

    /// <summary>The projection error an edge becomes when one of its ends does not exist, dated by the event that asserted it.</summary>
    private static ProjectionError Dangling(StreamGraph stream, GraphEdge edge)
    {
        var eventId = edge.EventIds.Count > 0 ? edge.EventIds[0] : "";
        var sequence = stream.Events.FirstOrDefault(e => e.EventId == eventId)?.Sequence ?? stream.Sequence;
        return new ProjectionError(sequence, eventId,
            $"{edge.Type} from {edge.FromLabel} '{edge.FromId}' to {edge.ToLabel} '{edge.ToId}' names a node that does not exist");
    }

    private static JsonArray Group(JsonObject relationships, string type, string from, string to)
    {
        var byFrom = (relationships[type] ??= new JsonObject()).AsObject();
        var byTo = (byFrom[from] ??= new JsonObject()).AsObject();
        return (byTo[to] ??= new JsonArray()).AsArray();
    }
}
