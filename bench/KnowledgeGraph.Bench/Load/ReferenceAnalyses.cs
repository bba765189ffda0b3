using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Bench.Load;

/// <summary>
/// The analyses of figure 3, each as a GraphQL request and as ONE hand-written SQL statement over the graph's tables
/// that builds the same answer as JSON in the database: the best the machine does for the question, against which the
/// API (parsing, validation, cost analysis, the reader, the resolvers, serialization) is measured. The statements read
/// the latest knowledge directly from the versioned tables (recorded_to IS NULL) and share no code with the product.
/// </summary>
public static class ReferenceAnalyses
{
    public sealed record Analysis(string Id, string Name, string Query, string Sql);

    // Valid at the world date @as_of, as known now: a relationship, and a node's attributes.
    private static string E(string a) => $"{a}.recorded_to IS NULL AND {a}.valid_from <= @as_of::date AND ({a}.valid_to IS NULL OR @as_of::date < {a}.valid_to)";

    private static string N(string a) => $"{a}.recorded_to IS NULL AND {a}.attrs_from <= @as_of::date AND ({a}.attrs_to IS NULL OR @as_of::date < {a}.attrs_to)";

    private static string Signed(string a) => $"{a}.type = 'SUPPLIES' AND {a}.props->>'status' = 'signed'";

    private static string Org(string id) =>
        $"EXISTS (SELECT 1 FROM kg_graph.node_versions o WHERE o.label = 'Organization' AND o.id = {id} AND {N("o")})";

    private static string CountryOf(string org) =>
        $"(SELECT b.to_id FROM kg_graph.edge_versions b WHERE b.type = 'BASED_IN' AND b.from_id = {org} AND {E("b")} ORDER BY b.to_id LIMIT 1)";

    public static IReadOnlyList<Analysis> All { get; } =
    [
        new("3g", "stageConcentration (separation)",
            """
            query Q($asOf: Date) { stageConcentration(stage: SEPARATION, asOf: $asOf) {
              totalCapacityTonnesPerYear operatingFacilities hhi countries { country capacityTonnesPerYear sharePercent facilities } } }
            """,
            $"""
            WITH ops AS (
                SELECT f.props->>'country' AS country, (o.props->>'capacityTonnesPerYear')::numeric AS cap
                FROM kg_graph.edge_versions o
                JOIN kg_graph.node_versions f ON f.label = 'Facility' AND f.id = o.to_id AND {N("f")}
                WHERE o.type = 'OPERATES' AND o.props->>'status' = 'operating' AND o.props->>'stage' = 'separation' AND {E("o")}),
            by_country AS (SELECT country, sum(cap) AS cap, count(cap) AS n FROM ops GROUP BY country HAVING count(cap) > 0),
            total AS (SELECT coalesce(sum(cap), 0) AS t FROM by_country)
            SELECT jsonb_build_object('stageConcentration', jsonb_build_object(
                'totalCapacityTonnesPerYear', t,
                'operatingFacilities', (SELECT count(*) FROM ops),
                'hhi', CASE WHEN t = 0 THEN 0 ELSE (SELECT round(sum((100 * cap / t) ^ 2), 0) FROM by_country) END,
                'countries', coalesce((SELECT jsonb_agg(jsonb_build_object('country', country, 'capacityTonnesPerYear', cap,
                    'sharePercent', round(100 * cap / t, 2), 'facilities', n) ORDER BY cap DESC, country) FROM by_country), '[]')))
            FROM total
            """),
        new("3h", "deals (kind supply, a party in the US, first 100)",
            """
            query Q { deals(kind: SUPPLY, country: "US") { totalCount nodes { id kind status product effectiveDate } } }
            """,
            """
            WITH matching AS (
                SELECT n.id, n.valid_from, n.props FROM kg_graph.node_versions n
                WHERE n.label = 'Deal' AND n.recorded_to IS NULL AND n.attrs_to IS NULL AND n.props->>'kind' = 'supply'
                  AND EXISTS (SELECT 1 FROM kg_graph.edge_versions p
                      JOIN kg_graph.edge_versions b ON b.type = 'BASED_IN' AND b.from_id = p.from_id AND b.to_id = 'US' AND b.recorded_to IS NULL
                      WHERE p.type = 'PARTY_TO' AND p.to_id = n.id AND p.recorded_to IS NULL))
            SELECT jsonb_build_object('deals', jsonb_build_object(
                'totalCount', (SELECT count(*) FROM matching),
                'nodes', coalesce((SELECT jsonb_agg(jsonb_build_object('id', id, 'kind', upper(props->>'kind'),
                    'status', upper(replace(props->>'status', '-', '_')), 'product', props->>'product', 'effectiveDate', valid_from) ORDER BY valid_from, id)
                    FROM (SELECT * FROM matching ORDER BY valid_from, id LIMIT 100) page), '[]')))
            """),
        new("3i", "strandedIf (CN, ndfeb-magnet, NATO)",
            """
            query Q($asOf: Date) { strandedIf(cutCountries: ["CN"], product: "ndfeb-magnet", bloc: "NATO", asOf: $asOf) {
              organization { id } lostSuppliers { organization { id } } } }
            """,
            $"""
            WITH supply AS (
                SELECT s.from_id, s.to_id, s.key, s.valid_from, {CountryOf("s.from_id")} AS country
                FROM kg_graph.edge_versions s
                WHERE {Signed("s")} AND s.props->>'product' = 'ndfeb-magnet' AND {E("s")} AND {Org("s.from_id")} AND {Org("s.to_id")}),
            stranded AS (
                SELECT g.to_id FROM (SELECT to_id FROM supply GROUP BY to_id HAVING bool_and(coalesce(country = 'CN', false))) g
                WHERE EXISTS (SELECT 1 FROM kg_graph.edge_versions m WHERE m.type = 'MEMBER_OF' AND m.to_id = 'NATO' AND m.from_id = {CountryOf("g.to_id")} AND {E("m")}))
            SELECT jsonb_build_object('strandedIf', coalesce(jsonb_agg(jsonb_build_object(
                'organization', jsonb_build_object('id', st.to_id),
                'lostSuppliers', (SELECT jsonb_agg(jsonb_build_object('organization', jsonb_build_object('id', s.from_id)) ORDER BY s.from_id, s.key, s.valid_from)
                    FROM supply s WHERE s.to_id = st.to_id)) ORDER BY st.to_id), '[]'))
            FROM stranded st
            """),
        new("3j", "supplyChain (depth 3, the most-supplied firm)",
            """
            query Q($org: String!, $asOf: Date) { supplyChain(orgId: $org, depth: 3, asOf: $asOf) { tier links { supplier { id } buyer { id } product } } }
            """,
            $"""
            WITH RECURSIVE reach(firm, tier) AS (
                SELECT @org::text, 0
                UNION
                SELECT s.from_id, r.tier + 1 FROM reach r JOIN kg_graph.edge_versions s ON s.to_id = r.firm AND {Signed("s")} AND {E("s")}
                WHERE r.tier < 2),
            first_met AS (SELECT firm, min(tier) AS tier FROM reach GROUP BY firm),
            links AS (
                SELECT f.tier + 1 AS tier, s.from_id, s.to_id, s.key, s.valid_from, s.props->>'product' AS product
                FROM first_met f JOIN kg_graph.edge_versions s ON s.to_id = f.firm AND {Signed("s")} AND {E("s")}
                WHERE {Org("s.from_id")} AND {Org("s.to_id")}),
            tiers AS (
                SELECT tier, jsonb_agg(jsonb_build_object('supplier', jsonb_build_object('id', from_id), 'buyer', jsonb_build_object('id', to_id),
                    'product', product) ORDER BY from_id, to_id, key, valid_from) AS links
                FROM links GROUP BY tier)
            SELECT jsonb_build_object('supplyChain', coalesce((SELECT jsonb_agg(jsonb_build_object('tier', tier, 'links', links) ORDER BY tier) FROM tiers), '[]'))
            """),
        new("3k", "shortestPath (maxHops 4, to the most-supplied firm), its length",
            """
            query Q($org: String!, $other: String!, $asOf: Date) { shortestPath(from: $other, to: $org, maxHops: 4, asOf: $asOf) { length } }
            """,
            // Breadth-first from both ends, two hops each, in one statement: the shortest meeting gives the length.
            $"""
            WITH RECURSIVE
            links AS (
                SELECT e.from_id AS a, e.to_id AS b FROM kg_graph.edge_versions e WHERE e.type <> 'IN_CATEGORY' AND {E("e")}
                UNION ALL
                SELECT e.to_id, e.from_id FROM kg_graph.edge_versions e WHERE e.type <> 'IN_CATEGORY' AND {E("e")}),
            fwd(node, hops) AS (SELECT @other::text, 0 UNION SELECT l.b, f.hops + 1 FROM fwd f JOIN links l ON l.a = f.node WHERE f.hops < 2),
            bwd(node, hops) AS (SELECT @org::text, 0 UNION SELECT l.b, g.hops + 1 FROM bwd g JOIN links l ON l.a = g.node WHERE g.hops < 2),
            best AS (SELECT min(f.hops + g.hops) AS length FROM fwd f JOIN bwd g ON g.node = f.node)
            SELECT jsonb_build_object('shortestPath', CASE WHEN length IS NULL THEN NULL ELSE jsonb_build_object('length', length) END) FROM best
            """),
        new("3l", "neighbours of the most-supplied firm, their count",
            """
            query Q($org: String!, $asOf: Date) { neighbours(id: $org, asOf: $asOf) { totalCount } }
            """,
            $"""
            SELECT jsonb_build_object('neighbours', jsonb_build_object('totalCount', count(*)))
            FROM kg_graph.edge_versions e
            JOIN kg_graph.node_versions n ON n.id = CASE WHEN e.from_id = @org THEN e.to_id ELSE e.from_id END
                 AND n.label = CASE WHEN e.from_id = @org THEN e.to_label ELSE e.from_label END AND {N("n")}
            WHERE (e.from_id = @org OR e.to_id = @org) AND e.type <> 'IN_CATEGORY' AND {E("e")}
            """),
        new("3m", "firmsLackingSupplier (ndfeb-magnet, EU, excluding CN), with reasons",
            """
            query Q($asOf: Date) { firmsLackingSupplier(product: "ndfeb-magnet", bloc: "EU", excludeSupplierCountries: ["CN"], asOf: $asOf, first: 500) {
              totalCount nodes { organization { id name } reason } } }
            """,
            $"""
            WITH firms AS (
                SELECT DISTINCT b.from_id AS id FROM kg_graph.edge_versions b
                WHERE b.type = 'BASED_IN' AND b.from_label = 'Organization' AND {E("b")}
                  AND b.to_id IN (SELECT m.from_id FROM kg_graph.edge_versions m WHERE m.type = 'MEMBER_OF' AND m.to_id = 'EU' AND {E("m")})),
            needing AS (
                SELECT f.id, n.props->>'name' AS name,
                       (SELECT array_agg(DISTINCT x.to_id ORDER BY x.to_id) FROM kg_graph.edge_versions x
                        WHERE x.type = 'NEEDS' AND x.from_id = f.id AND x.to_id IN ('ndfeb-magnet', 'magnet') AND {E("x")}) AS consumes,
                       (SELECT array_agg(DISTINCT s.props->>'product' ORDER BY s.props->>'product') FROM kg_graph.edge_versions s
                        WHERE {Signed("s")} AND s.recorded_to IS NULL AND s.to_id = f.id AND s.props->>'product' = 'ndfeb-magnet' AND s.valid_from < @as_of::date) AS bought
                FROM firms f JOIN kg_graph.node_versions n ON n.label = 'Organization' AND n.id = f.id AND {N("n")} AND (n.valid_from IS NULL OR n.valid_from <= @as_of::date)),
            need AS (SELECT * FROM needing WHERE consumes IS NOT NULL OR bought IS NOT NULL),
            supply AS (
                SELECT s.to_id, s.from_id, s.key, s.valid_from, {CountryOf("s.from_id")} AS country
                FROM need d JOIN kg_graph.edge_versions s ON s.to_id = d.id AND {Signed("s")} AND s.props->>'product' = 'ndfeb-magnet' AND {E("s")}
                WHERE {Org("s.from_id")}),
            lacking AS (
                SELECT d.*, (SELECT string_agg(s.from_id || ' (based in ' || s.country || ')', '; ' ORDER BY s.from_id, s.key, s.valid_from)
                             FROM supply s WHERE s.to_id = d.id) AS excluded
                FROM need d WHERE NOT EXISTS (SELECT 1 FROM supply s WHERE s.to_id = d.id AND NOT coalesce(s.country = 'CN', false)))
            SELECT jsonb_build_object('firmsLackingSupplier', jsonb_build_object(
                'totalCount', (SELECT count(*) FROM lacking),
                'nodes', coalesce((SELECT jsonb_agg(jsonb_build_object('organization', jsonb_build_object('id', id, 'name', name), 'reason',
                    'needs ndfeb-magnet (' || CASE WHEN consumes IS NOT NULL THEN 'consumes ' || array_to_string(consumes, ', ')
                                                   ELSE 'bought ' || array_to_string(bought, ', ') || ' before ' || @as_of END || ') and '
                    || CASE WHEN excluded IS NULL THEN 'has no supply agreement for it in force on ' || @as_of
                            ELSE 'every supplier in force on ' || @as_of || ' is excluded: ' || excluded END) ORDER BY id)
                    FROM (SELECT * FROM lacking ORDER BY id LIMIT 500) page), '[]')))
            """),
    ];

    public static Analysis Named(string id) => All.Single(a => a.Id == id);

    /// <summary>The request both servers receive: the query, and the variables the statement binds by the same names.</summary>
    public static byte[] Body(Analysis analysis, string orgId, string otherId) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["query"] = analysis.Query,
        ["variables"] = Declared(analysis.Query, new JsonObject { ["org"] = orgId, ["other"] = otherId, ["asOf"] = ServedQueries.AsOf }),
    });

    /// <summary>The variables the query declares, of those given.</summary>
    private static JsonObject Declared(string query, JsonObject given) =>
        new(given.Where(v => query.Contains($"${v.Key}:", StringComparison.Ordinal)).Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone())));
}
