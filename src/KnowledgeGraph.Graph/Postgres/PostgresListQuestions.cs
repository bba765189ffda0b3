using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Npgsql;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>Deals, facilities and policies by filter, a page at a time with the total count, each one statement.</summary>
public sealed partial class PostgresGraphReader
{
    public Task<Page<GraphNode>> DealsAsync(DealFilter filter, string? after, int first, CancellationToken ct) =>
        PageAsync(
            """
            n.label = 'Deal' AND n.valid_from <= @as_of
              AND (@kind::text IS NULL OR n.props->>'kind' = @kind)
              AND (@party::text IS NULL OR EXISTS (SELECT 1 FROM kg_graph.edges p WHERE p.type = 'PARTY_TO' AND p.to_id = n.id AND p.from_id = @party))
              AND (@country::text IS NULL OR EXISTS (SELECT 1 FROM kg_graph.edges p
                    JOIN kg_graph.edges b ON b.type = 'BASED_IN' AND b.from_id = p.from_id AND b.to_id = @country
                    WHERE p.type = 'PARTY_TO' AND p.to_id = n.id))
              AND (@codes::text[] IS NULL OR n.props->>'product' = ANY(@codes) OR n.props->'products' ?| @codes)
              AND (@from::date IS NULL OR n.valid_from >= @from) AND (@to::date IS NULL OR n.valid_from <= @to)
            """, "n.valid_from, n.id", "(n.valid_from, n.id) > (SELECT c.valid_from, c.id FROM kg_graph.nodes c WHERE c.label = 'Deal' AND c.id = @after)",
            after, first, ct,
            P("as_of", filter.AsOf), P("kind", filter.Kind), P("party", filter.Party), P("country", filter.Country), P("codes", filter.ProductCodes), P("from", filter.From), P("to", filter.To));

    public Task<Page<GraphNode>> FacilitiesAsync(FacilityFilter filter, string? after, int first, CancellationToken ct) =>
        PageAsync(
            $"""
            n.label = 'Facility' AND n.valid_from <= @as_of
              AND (@country::text IS NULL OR n.props->>'country' = @country)
              AND (@stage::text IS NULL OR n.props->>'stage' = @stage)
              AND (@operator::text IS NULL OR n.props->>'operatorId' = @operator)
              AND (@status::text IS NULL OR EXISTS (SELECT 1 FROM kg_graph.edges o WHERE o.type = 'OPERATES' AND o.to_id = n.id
                    AND o.props->>'status' = @status AND {ValidAt("o")}))
            """, "n.id", "n.id > @after", after, first, ct,
            P("as_of", filter.AsOf), P("country", filter.Country), P("stage", filter.Stage), P("operator", filter.OperatorId), P("status", filter.Status));

    public Task<Page<GraphNode>> PoliciesAsync(PolicyFilter filter, string? after, int first, CancellationToken ct) =>
        PageAsync(
            """
            n.label = 'Policy' AND n.valid_from <= @as_of
              AND (@jurisdiction::text IS NULL OR n.props->>'jurisdiction' = @jurisdiction)
              AND (@kind::text IS NULL OR n.props->>'kind' = @kind)
              AND (@status::text IS NULL OR n.props->>'status' = @status)
              AND (@product::text IS NULL OR n.props->'products' ? @product)
              AND (@beneficiary::text IS NULL OR n.props->'beneficiaryIds' ? @beneficiary)
            """, "n.id", "n.id > @after", after, first, ct,
            P("as_of", filter.AsOf), P("jurisdiction", filter.Jurisdiction), P("kind", filter.Kind), P("status", filter.Status), P("product", filter.Product), P("beneficiary", filter.Beneficiary));

    /// <summary>The nodes matching the condition, in the order, after the cursor, one more than a page to know if another follows, and the count.</summary>
    private async Task<Page<GraphNode>> PageAsync(string condition, string order, string afterCursor, string? after, int first, CancellationToken ct,
        params NpgsqlParameter[] parameters)
    {
        var rows = await QueryAsync(
            $"""
            WITH matching AS (SELECT n.* FROM kg_graph.nodes n WHERE {condition}),
                 page AS (SELECT n.* FROM matching n WHERE @after::text IS NULL OR {afterCursor} ORDER BY {order} LIMIT @limit)
            SELECT {NodeColumnsOf("n")}, (SELECT count(*) FROM matching)
            FROM (SELECT 1) AS one LEFT JOIN page n ON true
            ORDER BY {order}
            """, r => (Node: r.IsDBNull(1) ? null : ReadNode(r, 0), Total: r.GetInt64(5)), ct,
            [.. parameters, P("after", after), P("limit", first + 1)]);
        var nodes = rows.Select(r => r.Node).OfType<GraphNode>().ToList();
        return new Page<GraphNode>(nodes.Take(first).ToList(), (int)rows[0].Total, nodes.Count > first);
    }
}
