using Npgsql;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>
/// A node that disappears (its registration retracted) takes along the relationships other streams hold to it, each
/// recorded as that stream's projection error: what projecting that stream again would find, so the graph is the same
/// wherever the batches split. Neo4j's writer does the same (Cypher.BatchDeleteAbandonedNodes).
/// </summary>
internal static class PostgresOrphans
{
    public static async Task RemoveAsync(NpgsqlConnection connection, IReadOnlyList<(string Label, string Id)> previous, CancellationToken ct)
    {
        if (previous.Count == 0)
        {
            return;
        }
        await using var remove = new NpgsqlCommand(
            """
            WITH gone AS (
                SELECT g.label, g.id FROM unnest(@label, @id) AS g(label, id)
                WHERE NOT EXISTS (SELECT 1 FROM kg_graph.nodes n WHERE n.label = g.label AND n.id = g.id)
            ),
            orphaned AS (
                DELETE FROM kg_graph.edges e USING gone g
                WHERE e.stream IS NOT NULL
                  AND ((e.from_id = g.id AND e.from_label = g.label) OR (e.to_id = g.id AND e.to_label = g.label))
                RETURNING e.type, e.from_label, e.from_id, e.to_label, e.to_id, e.event_ids, e.stream
            )
            INSERT INTO kg_graph.errors (stream, seq, event_id, reason)
            SELECT DISTINCT o.stream,
                   coalesce((SELECT ev.seq FROM kg_graph.events ev WHERE ev.event_id = o.event_ids[1]),
                            (SELECT st.last_seq FROM kg_graph.streams st WHERE st.stream = o.stream)),
                   coalesce(o.event_ids[1], ''),
                   format('%s from %s ''%s'' to %s ''%s'' names a node that does not exist', o.type, o.from_label, o.from_id, o.to_label, o.to_id)
            FROM orphaned o
            ON CONFLICT DO NOTHING
            """, connection);
        remove.Parameters.AddWithValue("label", previous.Select(p => p.Label).ToArray());
        remove.Parameters.AddWithValue("id", previous.Select(p => p.Id).ToArray());
        await remove.ExecuteNonQueryAsync(ct);
    }
}
