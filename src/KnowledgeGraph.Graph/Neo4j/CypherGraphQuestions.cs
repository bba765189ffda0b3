namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The questions of the graph port about nodes, neighbours, paths, capacity and the lists by filter: each one statement
/// with the meaning of its PostgreSQL counterpart (Postgres/PostgresGraphQuestions.cs, PostgresListQuestions.cs).
/// A relationship comes back as <see cref="Relationship"/>'s map, a node of any label as <see cref="AnyNode"/>'s.
/// </summary>
public static partial class Cypher
{
    /// <summary>The relationship <c>r</c> with its type and ends, as Neo4jMaps reads it back.</summary>
    private const string Relationship =
        "{type: type(r), fromLabel: head(labels(startNode(r))), fromId: startNode(r).id, toLabel: head(labels(endNode(r))), toId: endNode(r).id, props: properties(r)}";

    private const string AnyNode = "{label: head(labels(n)), props: properties(n)}";

    /// <summary>Valid at the world date <c>$asOf</c> (from inclusive, to exclusive), for the relationship <c>r</c>.</summary>
    private const string ValidR = "r.validFrom <= $asOf AND (r.validTo IS NULL OR $asOf < r.validTo)";

    /// <summary>
    /// The node whose id is the variable <c>id</c>, taking the labels in the order of Labels.All (organizations first):
    /// one lookup in each label's unique index.
    /// </summary>
    private const string NodeWithId = """
        coalesce(
          head(COLLECT { MATCH (n:Organization {id: id}) RETURN n }), head(COLLECT { MATCH (n:Facility {id: id}) RETURN n }),
          head(COLLECT { MATCH (n:Country {id: id}) RETURN n }), head(COLLECT { MATCH (n:Bloc {id: id}) RETURN n }),
          head(COLLECT { MATCH (n:Product {id: id}) RETURN n }), head(COLLECT { MATCH (n:Category {id: id}) RETURN n }),
          head(COLLECT { MATCH (n:Deal {id: id}) RETURN n }), head(COLLECT { MATCH (n:Policy {id: id}) RETURN n }))
        """;

    public const string NodeById = $"""
        WITH $id AS id
        WITH {NodeWithId} AS n
        WHERE n IS NOT NULL
        RETURN {AnyNode} AS node
        """;

    /// <summary>The node's relationships of the types valid at the date, outgoing then incoming, each with its other end.</summary>
    public const string Neighbours = $$"""
        MATCH (start:__LABEL__ {id: $id})
        CALL (start) {
          MATCH (start)-[r]->(n:!Vanished) WHERE $outgoing AND type(r) IN $types AND {{ValidR}}
          RETURN 0 AS direction, r, n
          UNION ALL
          MATCH (start)<-[r]-(n:!Vanished) WHERE $incoming AND type(r) IN $types AND {{ValidR}}
          RETURN 1 AS direction, r, n
        }
        WITH direction, r, n ORDER BY direction, type(r), startNode(r).id, endNode(r).id, r.key, r.validFrom
        RETURN {{Relationship}} AS edge, {{AnyNode}} AS node
        """;

    /// <summary>
    /// Both ends by id, and a shortest path between them over relationships of the types valid at the date, in either
    /// direction, within $maxHops (at most 8, GraphPaths.MaxHops: a quantifier's bounds cannot be parameters).
    /// </summary>
    public const string ShortestPath = $$"""
        WITH $from AS id
        WITH {{NodeWithId}} AS s
        WITH s, $to AS id
        WITH s, {{NodeWithId}} AS g
        OPTIONAL MATCH p = SHORTEST 1 (s)(()-[r WHERE type(r) IN $types AND {{ValidR}}]-(:!Vanished)){0,8}(g)
        WHERE length(p) <= $maxHops
        RETURN CASE WHEN s IS NULL THEN null ELSE {label: head(labels(s)), props: properties(s)} END AS fromNode,
               CASE WHEN g IS NULL THEN null ELSE {label: head(labels(g)), props: properties(g)} END AS toNode,
               [n IN nodes(p) | {{AnyNode}}] AS nodes,
               [r IN relationships(p) | {{Relationship}}] AS edges
        """;

    /// <summary>Operating capacity of the stage at the date by the facilities' country: the stated capacities, and how many operate.</summary>
    public const string StageCapacity = $$"""
        MATCH (f:Facility)<-[r:OPERATES]-()
        WHERE r.stage = $stage AND r.status = 'operating' AND {{ValidR}}
        WITH f.country AS country, collect(r.capacityTonnesPerYear) AS capacities, count(r) AS operating
        RETURN country, capacities, operating
        ORDER BY country
        """;

    /// <summary>Deals registered by the date, by filter, oldest first (effective date, then id), all counted, then one page after the cursor deal.</summary>
    public const string Deals = """
        OPTIONAL MATCH (cursor:Deal {id: $after})
        MATCH (n:Deal)
        WHERE n.validFrom <= $asOf
          AND ($kind IS NULL OR n.kind = $kind)
          AND ($party IS NULL OR EXISTS { MATCH (:Organization {id: $party})-[:PARTY_TO]->(n) })
          AND ($country IS NULL OR EXISTS { MATCH (:Country {id: $country})<-[:BASED_IN]-()-[:PARTY_TO]->(n) })
          AND ($codes IS NULL OR n.product IN $codes OR any(code IN coalesce(n.products, []) WHERE code IN $codes))
          AND ($from IS NULL OR n.validFrom >= $from) AND ($to IS NULL OR n.validFrom <= $to)
        WITH cursor, n ORDER BY n.validFrom, n.id
        WITH cursor, collect(n) AS matching
        RETURN size(matching) AS total,
               [d IN matching WHERE $after IS NULL
                  OR (cursor IS NOT NULL AND (d.validFrom > cursor.validFrom OR (d.validFrom = cursor.validFrom AND d.id > cursor.id))) | properties(d)][0..$limit] AS page
        """;

    /// <summary>Facilities registered by the date, by filter and by status at the date, by id, after the cursor.</summary>
    public const string Facilities = $$"""
        MATCH (n:Facility)
        WHERE n.validFrom <= $asOf
          AND ($country IS NULL OR n.country = $country) AND ($stage IS NULL OR n.stage = $stage)
          AND ($operator IS NULL OR n.operatorId = $operator)
          AND ($status IS NULL OR EXISTS { MATCH (n)<-[r:OPERATES]-() WHERE r.status = $status AND {{ValidR}} })
        WITH n ORDER BY n.id
        WITH collect(properties(n)) AS matching
        RETURN size(matching) AS total, [m IN matching WHERE $after IS NULL OR m.id > $after][0..$limit] AS page
        """;

    /// <summary>Policies enacted by the date, by jurisdiction, kind, status, product covered and beneficiary, by id, after the cursor.</summary>
    public const string Policies = """
        MATCH (n:Policy)
        WHERE n.validFrom <= $asOf
          AND ($jurisdiction IS NULL OR n.jurisdiction = $jurisdiction) AND ($kind IS NULL OR n.kind = $kind)
          AND ($status IS NULL OR n.status = $status)
          AND ($product IS NULL OR $product IN coalesce(n.products, []))
          AND ($beneficiary IS NULL OR $beneficiary IN coalesce(n.beneficiaryIds, []))
        WITH n ORDER BY n.id
        WITH collect(properties(n)) AS matching
        RETURN size(matching) AS total, [m IN matching WHERE $after IS NULL OR m.id > $after][0..$limit] AS page
        """;
}
