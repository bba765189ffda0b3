using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>
/// What changed between two points, one statement each way. Between two knowledge points: the versions believed at
/// the first and no longer at the second, and those believed at the second and not yet at the first, paired by what
/// they are about (a node by its latest attributes in world time); between two world dates: the versions (known at the reader's point) valid at one date and not at
/// the other. Deals are told by their relationships: a party's link to a supply agreement or an investment by the
/// deal's own relationship; a partnership, which has none, by its parties' PARTY_TO relationships (role <c>party</c>).
/// </summary>
public sealed partial class PostgresGraphReader
{
    private const string KnowledgeChanges =
        """
        came_e AS (SELECT * FROM kg_graph.edge_versions WHERE (type <> 'PARTY_TO' OR key = 'party') AND recorded_from > @k1 AND recorded_from <= @k2 AND (recorded_to IS NULL OR recorded_to > @k2)),
        gone_e AS (SELECT * FROM kg_graph.edge_versions WHERE (type <> 'PARTY_TO' OR key = 'party') AND recorded_from <= @k1 AND recorded_to > @k1 AND recorded_to <= @k2),
        came_n AS (SELECT * FROM kg_graph.node_versions WHERE label <> 'Deal' AND stream IS NOT NULL AND attrs_to IS NULL AND recorded_from > @k1 AND recorded_from <= @k2 AND (recorded_to IS NULL OR recorded_to > @k2)),
        gone_n AS (SELECT * FROM kg_graph.node_versions WHERE label <> 'Deal' AND stream IS NOT NULL AND attrs_to IS NULL AND recorded_from <= @k1 AND recorded_to > @k1 AND recorded_to <= @k2),
        raw AS (
            SELECT CASE WHEN g.type IS NULL THEN 'APPEARED' WHEN c.type IS NULL THEN NULL
                        WHEN c.valid_to IS NOT NULL AND g.valid_to IS NULL THEN 'ENDED' ELSE 'CHANGED' END AS kind0,
                   false AS is_node, coalesce(c.type, g.type) AS type, coalesce(c.from_label, g.from_label) AS from_label,
                   coalesce(c.from_id, g.from_id) AS from_id, coalesce(c.to_label, g.to_label) AS to_label, coalesce(c.to_id, g.to_id) AS to_id,
                   coalesce(c.key, g.key) AS key, coalesce(c.valid_from, g.valid_from) AS valid_from,
                   CASE WHEN c.type IS NULL THEN g.valid_to ELSE c.valid_to END AS valid_to,
                   coalesce(c.props, g.props) AS props, coalesce(c.event_ids, g.event_ids) AS event_ids,
                   kg_graph.changed_keys(c.props, g.props) || CASE WHEN c.valid_to IS DISTINCT FROM g.valid_to THEN ARRAY['validTo'] ELSE ARRAY[]::text[] END AS attributes,
                   coalesce(c.recorded_from, g.recorded_to) AS event_seq, NULL::date AS change_date, c.type IS NOT NULL AND g.type IS NOT NULL AS paired
            FROM came_e c FULL JOIN gone_e g ON c.type = g.type AND c.from_label = g.from_label AND c.from_id = g.from_id
                 AND c.to_label = g.to_label AND c.to_id = g.to_id AND c.key = g.key AND c.valid_from = g.valid_from
            UNION ALL
            SELECT CASE WHEN g.id IS NULL THEN 'APPEARED' WHEN c.id IS NULL THEN NULL ELSE 'CHANGED' END,
                   true, coalesce(c.label, g.label), NULL, coalesce(c.id, g.id), NULL, NULL, NULL, coalesce(c.valid_from, g.valid_from), NULL,
                   coalesce(c.props, g.props), coalesce(c.event_ids, g.event_ids),
                   kg_graph.changed_keys(c.props, g.props) || CASE WHEN c.valid_from IS DISTINCT FROM g.valid_from THEN ARRAY['validFrom'] ELSE ARRAY[]::text[] END,
                   coalesce(c.recorded_from, g.recorded_to), NULL::date, c.id IS NOT NULL AND g.id IS NOT NULL
            FROM came_n c FULL JOIN gone_n g ON c.label = g.label AND c.id = g.id
        )
        """;

    private const string WorldChanges =
        """
        came_e AS (SELECT * FROM kg_graph.edges WHERE (type <> 'PARTY_TO' OR key = 'party') AND valid_from <= @d2 AND (valid_to IS NULL OR @d2 < valid_to)
                   AND NOT (valid_from <= @d1 AND (valid_to IS NULL OR @d1 < valid_to))),
        gone_e AS (SELECT * FROM kg_graph.edges WHERE (type <> 'PARTY_TO' OR key = 'party') AND valid_from <= @d1 AND (valid_to IS NULL OR @d1 < valid_to)
                   AND NOT (valid_from <= @d2 AND (valid_to IS NULL OR @d2 < valid_to))),
        dated AS (
            SELECT CASE WHEN g.type IS NULL THEN 'APPEARED' WHEN c.type IS NULL THEN 'ENDED' ELSE 'CHANGED' END AS kind0,
                   false AS is_node, coalesce(c.type, g.type) AS type, coalesce(c.from_label, g.from_label) AS from_label,
                   coalesce(c.from_id, g.from_id) AS from_id, coalesce(c.to_label, g.to_label) AS to_label, coalesce(c.to_id, g.to_id) AS to_id,
                   coalesce(c.key, g.key) AS key, coalesce(c.valid_from, g.valid_from) AS valid_from, coalesce(c.valid_to, g.valid_to) AS valid_to,
                   coalesce(c.props, g.props) AS props, coalesce(c.event_ids, g.event_ids) AS event_ids,
                   kg_graph.changed_keys(c.props, g.props) AS attributes, CASE WHEN c.type IS NULL THEN g.valid_to ELSE c.valid_from END AS change_date,
                   c.type IS NOT NULL AND g.type IS NOT NULL AS paired
            FROM came_e c FULL JOIN gone_e g ON c.type = g.type AND c.from_label = g.from_label AND c.from_id = g.from_id
                 AND c.to_label = g.to_label AND c.to_id = g.to_id AND c.key = g.key
            UNION ALL
            SELECT 'APPEARED', true, n.label, NULL, n.id, NULL, NULL, NULL, n.valid_from, NULL, n.props, n.event_ids, ARRAY[]::text[], n.valid_from, false
            FROM kg_graph.nodes n WHERE n.label <> 'Deal' AND n.stream IS NOT NULL AND n.valid_from > @d1 AND n.valid_from <= @d2
        ),
        raw AS (
            SELECT d.kind0, d.is_node, d.type, d.from_label, d.from_id, d.to_label, d.to_id, d.key, d.valid_from, d.valid_to, d.props, d.event_ids,
                   d.attributes,
                   (SELECT e.seq FROM kg_graph.events e WHERE e.event_id = ANY(d.event_ids)
                    ORDER BY e.effective_date = d.change_date DESC, e.seq DESC LIMIT 1) AS event_seq,
                   d.change_date, d.paired
            FROM dated d
        )
        """;

    private const string ChangesTail =
        """
        , changes AS (
            SELECT coalesce(r.kind0, CASE WHEN ev.type = 'EventRetracted' THEN 'RETRACTED' ELSE 'ENDED' END) AS kind, r.*,
                   coalesce(r.change_date, ev.effective_date) AS at_date, ev.event_id, ev.seq, ev.type AS ev_type, ev.effective_date, ev.stream,
                   ev.title, ev.publisher, ev.url, ev.published_at, ev.retracted_by
            FROM raw r LEFT JOIN kg_graph.events ev ON ev.seq = r.event_seq
            WHERE NOT (r.paired AND cardinality(r.attributes) = 0)
        ), matching AS (
            SELECT * FROM changes c
            WHERE (@kinds::text[] IS NULL OR c.kind = ANY(@kinds))
              AND (@org::text IS NULL OR c.from_id = @org OR c.to_id = @org)
              AND (@codes::text[] IS NULL OR c.props->>'product' = ANY(@codes) OR c.props->>'category' = ANY(@codes)
                   OR (c.to_label IN ('Product', 'Category') AND c.to_id = ANY(@codes)) OR coalesce(c.props->'products', '[]') ?| @codes
                   OR coalesce(c.props->'consumes', '[]') ?| @codes)
              AND (@country::text IS NULL OR @country IN (c.from_id, c.to_id) OR c.props->>'country' = @country
                   OR EXISTS (SELECT 1 FROM kg_graph.node_versions n WHERE n.id IN (c.from_id, c.to_id) AND n.recorded_to IS NULL
                              AND n.label IN ('Organization', 'Facility') AND n.props->>'country' = @country))
              AND (@bloc::text IS NULL OR EXISTS (
                    SELECT 1 FROM kg_graph.edge_versions m WHERE m.type = 'MEMBER_OF' AND m.to_id = @bloc AND m.recorded_to IS NULL
                      AND (m.from_id IN (c.from_id, c.to_id) OR m.from_id = c.props->>'country'
                           OR EXISTS (SELECT 1 FROM kg_graph.node_versions n WHERE n.id IN (c.from_id, c.to_id) AND n.recorded_to IS NULL
                                      AND n.label IN ('Organization', 'Facility') AND n.props->>'country' = m.from_id))))
        ), page AS (
            SELECT * FROM matching ORDER BY CASE WHEN @by_date THEN NULL ELSE seq END, at_date, seq, type, from_id, to_id, key, valid_from
            OFFSET @after LIMIT @limit
        )
        SELECT p.kind, p.is_node, p.type, p.from_label, p.from_id, p.to_label, p.to_id, p.key, p.valid_from, p.valid_to, p.props::text,
               p.event_ids, p.attributes, p.at_date, p.event_id, p.seq, p.ev_type, p.effective_date, p.stream, p.title, p.publisher, p.url,
               p.published_at, p.retracted_by, (SELECT count(*) FROM matching)
        FROM (SELECT 1) AS one LEFT JOIN page p ON true
        ORDER BY CASE WHEN @by_date THEN NULL ELSE p.seq END, p.at_date, p.seq, p.type, p.from_id, p.to_id, p.key, p.valid_from
        """;

    public async Task<Page<GraphChange>> ChangesAsync(ChangeQuery query, int after, int first, CancellationToken ct)
    {
        var byDate = query.FromDate is not null;
        var rows = await QueryAsync($"WITH {(byDate ? WorldChanges : KnowledgeChanges)}{ChangesTail}", r => (Change: r.IsDBNull(0) ? null : ReadChange(r), Total: r.GetInt64(24)), ct,
            new NpgsqlParameter("k1", NpgsqlDbType.Bigint) { Value = (object?)query.FromSequence ?? DBNull.Value },
            new NpgsqlParameter("k2", NpgsqlDbType.Bigint) { Value = (object?)query.ToSequence ?? DBNull.Value },
            P("d1", query.FromDate), P("d2", query.ToDate), P("by_date", byDate),
            P("kinds", query.Kinds), P("org", query.Organization), P("codes", query.ProductCodes), P("country", query.Country), P("bloc", query.Bloc),
            P("after", after), P("limit", first + 1));
        var changes = rows.Select(r => r.Change).OfType<GraphChange>().ToList();
        return new Page<GraphChange>(changes.Take(first).ToList(), (int)rows[0].Total, changes.Count > first);
    }

    private static GraphChange ReadChange(System.Data.Common.DbDataReader r)
    {
        var props = r.GetString(10);
        var eventIds = r.GetFieldValue<string[]>(11);
        var validFrom = r.IsDBNull(8) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(8);
        var edge = r.GetBoolean(1) ? null : GraphJson.Edge(r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7),
            validFrom!.Value, r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9), eventIds, props);
        var node = r.GetBoolean(1) ? GraphJson.Node(r.GetString(2), r.GetString(4), validFrom, eventIds, props) : null;
        var source = r.IsDBNull(14) ? null : new ProvenanceEvent(r.GetString(14), r.GetInt64(15), r.GetString(16), r.GetFieldValue<DateOnly>(17),
            new Domain.Events.Source(r.GetString(19), r.GetString(20), r.IsDBNull(21) ? null : r.GetString(21), r.IsDBNull(22) ? null : r.GetFieldValue<DateOnly>(22)),
            r.GetString(18), r.IsDBNull(23) ? null : r.GetString(23));
        return new GraphChange(r.GetString(0), edge, node, r.GetFieldValue<string[]>(12), source, r.IsDBNull(13) ? null : r.GetFieldValue<DateOnly>(13));
    }
}
