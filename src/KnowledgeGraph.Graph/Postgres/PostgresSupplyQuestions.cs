using System.Data.Common;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>The supply questions, each one statement: the store filters, follows chains and groups; C# only reads the rows.</summary>
public sealed partial class PostgresGraphReader
{
    private const string Signed = "s.type = 'SUPPLIES' AND s.props->>'status' = 'signed'";

    // The columns of a missing relationship and node, typed for a UNION.
    private const string NoEdge = "NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::text, NULL::date, NULL::date, NULL::text, NULL::text[]";
    private const string NoNode = "NULL::text, NULL::text, NULL::date, NULL::text, NULL::text[]";

    /// <summary>The country an organization (column <paramref name="org"/>) is based in at @as_of.</summary>
    private static string CountryOf(string org) =>
        $"(SELECT b.to_id FROM kg_graph.edges b WHERE b.type = 'BASED_IN' AND b.from_id = {org} AND {ValidAt("b")} ORDER BY b.to_id LIMIT 1)";

    public Task<IReadOnlyList<SupplyLink>> SupplyLinksAsync(string? buyer, string? supplier, IReadOnlySet<string>? products, DateOnly asOf, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT {EdgeColumnsOf("s")}, {NodeColumnsOf("sn")}, {NodeColumnsOf("bn")}
            FROM kg_graph.edges s
            JOIN kg_graph.nodes sn ON sn.label = 'Organization' AND sn.id = s.from_id
            JOIN kg_graph.nodes bn ON bn.label = 'Organization' AND bn.id = s.to_id
            WHERE {Signed} AND {ValidAt("s")}
              AND (@buyer::text IS NULL OR s.to_id = @buyer) AND (@supplier::text IS NULL OR s.from_id = @supplier)
              AND (@products::text[] IS NULL OR s.props->>'product' = ANY(@products))
            ORDER BY s.from_id, s.to_id, s.key, s.valid_from
            """, r => new SupplyLink(ReadNode(r, 10), ReadNode(r, 15), ReadEdge(r, 0)), ct,
            P("buyer", buyer), P("supplier", supplier), P("products", products), P("as_of", asOf));

    public async Task<IReadOnlyList<LackingFirm>> FirmsLackingSupplierAsync(LackQuestion question, CancellationToken ct)
    {
        var q = question;
        var rows = await QueryAsync(
            $"""
            WITH RECURSIVE
            area AS (
                SELECT unnest(@countries::text[]) AS country
                UNION
                SELECT m.from_id FROM kg_graph.edges m WHERE m.type = 'MEMBER_OF' AND m.to_id = @bloc AND {ValidAt("m")}
            ),
            firms AS (
                SELECT DISTINCT b.from_id AS id FROM kg_graph.edges b
                WHERE b.type = 'BASED_IN' AND b.from_label = 'Organization' AND b.to_id IN (SELECT country FROM area) AND {ValidAt("b")}
            ),
            needing AS (
                SELECT f.id, c.codes AS consumes, CASE WHEN c.codes IS NULL THEN p.products END AS bought
                FROM firms f
                JOIN kg_graph.nodes n ON n.label = 'Organization' AND n.id = f.id AND (n.valid_from IS NULL OR n.valid_from <= @as_of)
                LEFT JOIN LATERAL (SELECT array_agg(DISTINCT x.to_id ORDER BY x.to_id) AS codes FROM kg_graph.edges x
                    WHERE x.type = 'NEEDS' AND x.from_id = f.id AND x.to_id = ANY(@need_codes) AND {ValidAt("x")}) c ON true
                LEFT JOIN LATERAL (SELECT array_agg(DISTINCT s.props->>'product' ORDER BY s.props->>'product') AS products FROM kg_graph.edges s
                    WHERE {Signed} AND s.to_id = f.id AND s.props->>'product' = ANY(@products) AND s.valid_from < @as_of) p ON true
                WHERE c.codes IS NOT NULL OR p.products IS NOT NULL
            ),
            supply AS (
                SELECT nd.consumes, nd.bought, s.type, s.from_label, s.from_id, s.to_label, s.to_id, s.key, s.valid_from, s.valid_to, s.props, s.event_ids,
                       {CountryOf("s.from_id")} AS country
                FROM needing nd
                JOIN kg_graph.edges s ON s.to_id = nd.id AND {Signed} AND s.props->>'product' = ANY(@products) AND {ValidAt("s")}
                WHERE EXISTS (SELECT 1 FROM kg_graph.nodes sn WHERE sn.label = 'Organization' AND sn.id = s.from_id)
            ),
            chain(supplier, owner, depth, seen) AS (
                SELECT DISTINCT s.from_id, s.from_id, 0, ARRAY[s.from_id] FROM supply s WHERE @ownership
                UNION ALL
                SELECT ch.supplier, c.owner, ch.depth + 1, ch.seen || c.owner
                FROM chain ch CROSS JOIN LATERAL (
                    SELECT o.from_id AS owner FROM kg_graph.edges o WHERE o.type = 'OWNS' AND o.to_id = ch.owner AND {ValidAt("o")}
                    GROUP BY o.from_id HAVING sum(coalesce((o.props->>'stakePercent')::numeric, 0)) > 50) c
                WHERE c.owner <> ALL(ch.seen)
            ),
            controlled AS (
                SELECT DISTINCT ON (ch.supplier) ch.supplier, ch.owner, oc.country
                FROM chain ch CROSS JOIN LATERAL (SELECT {CountryOf("ch.owner")} AS country OFFSET 0) oc
                WHERE ch.depth > 0 AND oc.country = ANY(@excluded)
                ORDER BY ch.supplier, ch.depth, ch.owner
            ),
            described AS (
                SELECT s.*, CASE WHEN s.country = ANY(@excluded) THEN s.country ELSE c.country END AS excl_country,
                       CASE WHEN s.country = ANY(@excluded) THEN NULL ELSE c.owner END AS excl_owner
                FROM supply s LEFT JOIN controlled c ON c.supplier = s.from_id
            ),
            listed AS (
                SELECT d.*, bool_and(d.excl_country IS NOT NULL) OVER (PARTITION BY d.to_id) AS all_excluded FROM described d
            )
            SELECT {NodeColumnsOf("fn")}, l.consumes, l.bought, {EdgeColumnsOf("l")}, {NodeColumnsOf("sn")}, l.country, l.excl_country, l.excl_owner
            FROM listed l
            JOIN kg_graph.nodes fn ON fn.label = 'Organization' AND fn.id = l.to_id
            JOIN kg_graph.nodes sn ON sn.label = 'Organization' AND sn.id = l.from_id
            WHERE l.all_excluded
            UNION ALL
            SELECT {NodeColumnsOf("fn")}, g.consumes, g.bought, {NoEdge}, {NoNode}, NULL, NULL, NULL
            FROM needing g
            JOIN kg_graph.nodes fn ON fn.label = 'Organization' AND fn.id = g.id
            WHERE g.id NOT IN (SELECT to_id FROM supply)
            ORDER BY 2, 10, 13, 14
            """,
            r => (Firm: ReadNode(r, 0), Consumes: Strings(r, 5), Bought: Strings(r, 6), Supplier: r.IsDBNull(7) ? null : SupplierAt(r, 7)), ct,
            P("countries", q.Countries), P("bloc", q.Bloc), P("as_of", q.AsOf), P("need_codes", q.NeedCodes), P("products", q.Products),
            P("excluded", q.Excluded), P("ownership", q.ConsiderOwnership));
        return rows.GroupBy(r => r.Firm.Id, StringComparer.Ordinal)
            .Select(g => new LackingFirm(g.First().Firm, g.First().Consumes, g.First().Bought, g.Select(r => r.Supplier).OfType<SupplierInForce>().ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<StrandedBuyer>> StrandedIfAsync(IReadOnlySet<string> cut, IReadOnlySet<string> products, string? bloc,
        DateOnly asOf, CancellationToken ct)
    {
        var rows = await QueryAsync(
            $"""
            WITH supply AS (
                SELECT s.type, s.from_label, s.from_id, s.to_label, s.to_id, s.key, s.valid_from, s.valid_to, s.props, s.event_ids,
                       sc.country, CASE WHEN sc.country = ANY(@cut) THEN sc.country END AS excl_country
                FROM kg_graph.edges s
                CROSS JOIN LATERAL (SELECT {CountryOf("s.from_id")} AS country OFFSET 0) sc
                JOIN kg_graph.nodes sn ON sn.label = 'Organization' AND sn.id = s.from_id
                JOIN kg_graph.nodes bn ON bn.label = 'Organization' AND bn.id = s.to_id
                WHERE {Signed} AND s.props->>'product' = ANY(@products) AND {ValidAt("s")}
            ),
            listed AS (
                SELECT d.*, bool_and(d.excl_country IS NOT NULL) OVER (PARTITION BY d.to_id) AS all_cut FROM supply d
            )
            SELECT {NodeColumnsOf("bn")}, {EdgeColumnsOf("d")}, {NodeColumnsOf("sn")}, d.country, d.excl_country, NULL::text
            FROM listed d
            JOIN kg_graph.nodes bn ON bn.label = 'Organization' AND bn.id = d.to_id
            JOIN kg_graph.nodes sn ON sn.label = 'Organization' AND sn.id = d.from_id
            WHERE d.all_cut AND (@bloc::text IS NULL OR EXISTS (SELECT 1 FROM kg_graph.edges m WHERE m.type = 'MEMBER_OF' AND m.to_id = @bloc
                  AND m.from_id = {CountryOf("d.to_id")} AND {ValidAt("m")}))
            ORDER BY d.to_id, d.from_id, d.key, d.valid_from
            """, r => (Buyer: ReadNode(r, 0), Supplier: SupplierAt(r, 5)), ct,
            P("cut", cut), P("products", products), P("bloc", bloc), P("as_of", asOf));
        return rows.GroupBy(r => r.Buyer.Id, StringComparer.Ordinal)
            .Select(g => new StrandedBuyer(g.First().Buyer, g.Select(r => r.Supplier).ToList())).ToList();
    }

    public Task<IReadOnlyList<ChainLink>> SupplyChainAsync(string orgId, IReadOnlySet<string>? products, int depth, DateOnly asOf, CancellationToken ct) =>
        QueryAsync(
            $"""
            WITH RECURSIVE reach(firm, tier) AS (
                SELECT @org::text, 0
                UNION
                SELECT s.from_id, r.tier + 1 FROM reach r
                JOIN kg_graph.edges s ON s.to_id = r.firm AND {Signed} AND {ValidAt("s")}
                WHERE r.tier < @depth - 1 AND (r.tier > 0 OR @products::text[] IS NULL OR s.props->>'product' = ANY(@products))
            ),
            first_met AS (SELECT firm, min(tier) AS tier FROM reach GROUP BY firm)
            SELECT f.tier + 1, {EdgeColumnsOf("s")}, {NodeColumnsOf("sn")}, {NodeColumnsOf("bn")}
            FROM first_met f
            JOIN kg_graph.edges s ON s.to_id = f.firm AND {Signed} AND {ValidAt("s")}
                 AND (f.tier > 0 OR @products::text[] IS NULL OR s.props->>'product' = ANY(@products))
            JOIN kg_graph.nodes sn ON sn.label = 'Organization' AND sn.id = s.from_id
            JOIN kg_graph.nodes bn ON bn.label = 'Organization' AND bn.id = s.to_id
            WHERE f.tier < @depth
            ORDER BY 1, s.from_id, s.to_id, s.key, s.valid_from
            """, r => new ChainLink(r.GetInt32(0), new SupplyLink(ReadNode(r, 11), ReadNode(r, 16), ReadEdge(r, 1))), ct,
            P("org", orgId), P("products", products), P("depth", depth), P("as_of", asOf));

    /// <summary>A supplier in force from an agreement's ten columns, its node's five, its country, and the exclusion (country, owner).</summary>
    private static SupplierInForce SupplierAt(DbDataReader r, int at) => new(
        ReadNode(r, at + 10), ReadEdge(r, at), Text(r, at + 15),
        Text(r, at + 16) is { } country ? new Exclusion(country, Text(r, at + 17)) : null);

    private static string? Text(DbDataReader r, int at) => r.IsDBNull(at) ? null : r.GetString(at);

    private static string[] Strings(DbDataReader r, int at) => r.IsDBNull(at) ? [] : r.GetFieldValue<string[]>(at);
}
