using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>Node lookup, neighbours, paths, capacity and the lists by filter, each one statement.</summary>
public sealed partial class PostgresGraphReader
{
    private static readonly string[] LabelOrder = [.. Labels.All];

    public async Task<GraphNode?> NodeAsync(string id, CancellationToken ct) =>
        (await QueryAsync($"SELECT {NodeColumns} FROM kg_graph.nodes WHERE id = @id ORDER BY array_position(@labels, label) LIMIT 1",
            ReadNode, ct, P("id", id), P("labels", LabelOrder))) is [var node, ..] ? node : null;

    /// <summary>
    /// The node (as <see cref="NodeAsync"/> finds it), the page of its neighbours and their count, in one statement: no
    /// row without the node, one row of nulls with the count when the page is empty.
    /// </summary>
    public async Task<Page<Neighbour>?> NeighboursAsync(string id, IReadOnlyCollection<string> types, bool outgoing, bool incoming,
        DateOnly asOf, int skip, int first, CancellationToken ct)
    {
        var rows = await QueryAsync(
            $"""
            WITH s AS (SELECT label, id FROM kg_graph.nodes WHERE id = @id ORDER BY array_position(@labels, label) LIMIT 1),
            rel AS (
                SELECT 0 AS direction, e.*, e.to_label AS other_label, e.to_id AS other_id FROM s JOIN kg_graph.edges e ON e.from_id = s.id AND e.from_label = s.label
                WHERE @outgoing AND e.type = ANY(@types) AND {ValidAt("e")}
                UNION ALL
                SELECT 1, e.*, e.from_label, e.from_id FROM s JOIN kg_graph.edges e ON e.to_id = s.id AND e.to_label = s.label
                WHERE @incoming AND e.type = ANY(@types) AND {ValidAt("e")}
            ),
            found AS (
                SELECT e.*, n.label AS n_label, n.id AS n_id, n.valid_from AS n_valid_from, n.props AS n_props, n.event_ids AS n_event_ids
                FROM rel e JOIN kg_graph.nodes n ON n.label = e.other_label AND n.id = e.other_id
            )
            SELECT {EdgeColumnsOf("p")}, p.n_label, p.n_id, p.n_valid_from, p.n_props::text, p.n_event_ids, (SELECT count(*) FROM found)
            FROM s LEFT JOIN LATERAL (
                SELECT * FROM found ORDER BY direction, type, from_id, to_id, key, valid_from OFFSET @skip LIMIT @first
            ) p ON true
            ORDER BY p.direction, p.type, p.from_id, p.to_id, p.key, p.valid_from
            """, r => (Neighbour: r.IsDBNull(0) ? null : new Neighbour(ReadEdge(r, 0), ReadNode(r, 10)), Total: (int)r.GetInt64(15)), ct,
            P("id", id), P("labels", LabelOrder), P("outgoing", outgoing), P("incoming", incoming), P("types", types), P("as_of", asOf),
            P("skip", skip), P("first", first));
        if (rows.Count == 0)
        {
            return null;
        }
        var page = rows.Select(r => r.Neighbour).OfType<Neighbour>().ToList();
        return new Page<Neighbour>(page, rows[0].Total, skip + page.Count < rows[0].Total);
    }

    /// <summary>Both ends by id (rows -1 and -2) and the path found by kg_graph.shortest_path (rows 0..n), in one statement.</summary>
    public async Task<PathAnswer> ShortestPathAsync(string fromId, string toId, IReadOnlyCollection<string> types, int maxHops, DateOnly asOf, CancellationToken ct)
    {
        var rows = await QueryAsync(
            $"""
            WITH s AS (SELECT * FROM kg_graph.nodes WHERE id = @from ORDER BY array_position(@labels, label) LIMIT 1),
                 g AS (SELECT * FROM kg_graph.nodes WHERE id = @to ORDER BY array_position(@labels, label) LIMIT 1),
                 p AS (SELECT * FROM kg_graph.shortest_path((SELECT label || '|' || id FROM s), (SELECT label || '|' || id FROM g), @types, @max_hops, @as_of))
            SELECT -1, {NodeColumnsOf("s")}, {EdgeColumnsOf("(NULL::kg_graph.edges)")} FROM s
            UNION ALL
            SELECT -2, {NodeColumnsOf("g")}, {EdgeColumnsOf("(NULL::kg_graph.edges)")} FROM g
            UNION ALL
            SELECT p.r_step, {NodeColumnsOf("n")}, {EdgeColumnsOf("e")}
            FROM p
            JOIN kg_graph.nodes n ON n.label = split_part(p.r_node, '|', 1) AND n.id = split_part(p.r_node, '|', 2)
            LEFT JOIN kg_graph.edges e ON e.type = p.r_link->>1 AND e.from_label = p.r_link->>2 AND e.from_id = p.r_link->>3
                 AND e.to_label = p.r_link->>4 AND e.to_id = p.r_link->>5 AND e.key = p.r_link->>6 AND e.valid_from = (p.r_link->>7)::date
            ORDER BY 1
            """, r => (Step: r.GetInt32(0), Node: ReadNode(r, 1), Edge: r.IsDBNull(6) ? null : ReadEdge(r, 6)), ct,
            P("from", fromId), P("to", toId), P("labels", LabelOrder), P("types", types), P("max_hops", maxHops), P("as_of", asOf));
        var path = rows.Where(r => r.Step >= 0).ToList();
        return new PathAnswer(rows.FirstOrDefault(r => r.Step == -1).Node, rows.FirstOrDefault(r => r.Step == -2).Node,
            path.Count == 0 ? null : path.Select(r => r.Node).ToList(), path.Count == 0 ? null : path.Skip(1).Select(r => r.Edge!).ToList());
    }

    public Task<IReadOnlyList<CountryCapacity>> StageCapacityAsync(Stage stage, DateOnly asOf, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT f.props->>'country', coalesce(sum((o.props->>'capacityTonnesPerYear')::numeric), 0),
                   count(o.props->>'capacityTonnesPerYear')::int, (count(*) - count(o.props->>'capacityTonnesPerYear'))::int
            FROM kg_graph.edges o JOIN kg_graph.nodes f ON f.label = 'Facility' AND f.id = o.to_id
            WHERE o.type = 'OPERATES' AND o.props->>'status' = 'operating' AND o.props->>'stage' = @stage AND {ValidAt("o")}
            GROUP BY 1 ORDER BY 1
            """, r => new CountryCapacity(r.GetString(0), r.GetDecimal(1), r.GetInt32(2), r.GetInt32(3)), ct, P("stage", WireName.Of(stage)), P("as_of", asOf));
}
