namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The history beside the live graph: every version of every node (<c>:NodeVersion</c>) and relationship
/// (<c>:EdgeVersion</c>, a node with its type and ends) in both clocks, and the statements that read it at a knowledge
/// point ($known, a stored sequence; null for every stored event: the versions still believed) with each node's attributes at a world date ($attributesAsOf; null
/// for the latest). The intervals are the PostgreSQL views' (schema.sql): a version is believed from recordedFrom
/// (inclusive) until recordedTo (exclusive), its attributes hold from attributesFrom (null: also before the
/// registration) until attributesTo (exclusive).
/// </summary>
public static partial class Cypher
{
    public const string NodeVersionIsUnique = "CREATE CONSTRAINT IF NOT EXISTS FOR (v:NodeVersion) REQUIRE v.version IS UNIQUE";
    public const string NodeVersionStreamIndex = "CREATE INDEX IF NOT EXISTS FOR (v:NodeVersion) ON (v.stream)";
    public const string NodeVersionIdIndex = "CREATE INDEX IF NOT EXISTS FOR (v:NodeVersion) ON (v.id)";
    public const string NodeVersionLabelIndex = "CREATE INDEX IF NOT EXISTS FOR (v:NodeVersion) ON (v.label)";
    public const string EdgeVersionIsUnique = "CREATE CONSTRAINT IF NOT EXISTS FOR (v:EdgeVersion) REQUIRE v.version IS UNIQUE";
    public const string EdgeVersionStreamIndex = "CREATE INDEX IF NOT EXISTS FOR (v:EdgeVersion) ON (v.stream)";
    public const string EdgeVersionTypeIndex = "CREATE INDEX IF NOT EXISTS FOR (v:EdgeVersion) ON (v.type)";
    public const string EdgeVersionFromIndex = "CREATE INDEX IF NOT EXISTS FOR (v:EdgeVersion) ON (v.fromId)";

    /// <summary>
    /// A graph projected before the history was kept: it holds streams but no version of theirs. One row when so, none
    /// otherwise (index lookups only).
    /// </summary>
    public const string HistoryMissing = """
        MATCH (s:Stream) WITH s LIMIT 1
        WITH s WHERE NOT EXISTS { MATCH (v:NodeVersion) WHERE v.stream IS NOT NULL } AND NOT EXISTS { MATCH (v:EdgeVersion) WHERE v.stream IS NOT NULL }
        RETURN s.id AS stream
        """;

    // The version n (a node), x or y (relationships) is believed at $known; when it is null, still believed.
    private const string KnownN = "(($known IS NULL OR n.recordedFrom <= $known) AND (n.recordedTo IS NULL OR ($known IS NOT NULL AND $known < n.recordedTo)))";
    private const string KnownX = "(($known IS NULL OR x.recordedFrom <= $known) AND (x.recordedTo IS NULL OR ($known IS NOT NULL AND $known < x.recordedTo)))";
    private const string KnownY = "(($known IS NULL OR y.recordedFrom <= $known) AND (y.recordedTo IS NULL OR ($known IS NOT NULL AND $known < y.recordedTo)))";

    // The attributes of the node version n hold at $attributesAsOf (the latest ones when it is null).
    private const string AttributesN = """
        ($attributesAsOf IS NULL OR n.attributesFrom IS NULL OR n.attributesFrom <= $attributesAsOf)
          AND (n.attributesTo IS NULL OR ($attributesAsOf IS NOT NULL AND $attributesAsOf < n.attributesTo))
        """;

    // The relationship version x or y is valid in world time at $asOf.
    private const string ValidX = "x.validFrom <= $asOf AND (x.validTo IS NULL OR $asOf < x.validTo)";
    private const string ValidY = "y.validFrom <= $asOf AND (y.validTo IS NULL OR $asOf < y.validTo)";

    public const string VersionNodesById = $"""
        MATCH (n:NodeVersion) WHERE n.id IN $ids AND n.label = $label AND {KnownN} AND {AttributesN}
        RETURN properties(n) AS props ORDER BY n.id
        """;

    public const string VersionAllNodes = $"""
        MATCH (n:NodeVersion) WHERE n.label = $label AND {KnownN} AND {AttributesN}
        RETURN properties(n) AS props ORDER BY n.id
        """;

    public const string VersionEdges = $"""
        MATCH (x:EdgeVersion)
        WHERE x.type IN $types AND ($fromIds IS NULL OR x.fromId IN $fromIds) AND ($toIds IS NULL OR x.toId IN $toIds)
          AND {KnownX} AND ($asOf IS NULL OR ({ValidX}))
        RETURN properties(x) AS props
        """;

    /// <summary>As <see cref="Organizations"/>, over the versions: the same filters and page, as PostgreSQL's query.</summary>
    public const string VersionOrganizations = $$"""
        MATCH (n:NodeVersion)
        WHERE n.label = 'Organization' AND n.validFrom <= $asOf AND {{KnownN}} AND {{AttributesN}}
          AND ($text IS NULL OR {{Searchable}} CONTAINS $text)
          AND ($stage IS NULL OR $stage IN n.stages)
          AND ($countries IS NULL OR EXISTS {
                MATCH (x:EdgeVersion) WHERE x.fromId = n.id AND x.type = 'BASED_IN' AND x.toId IN $countries AND {{KnownX}} AND {{ValidX}} })
          AND ($bloc IS NULL OR EXISTS {
                MATCH (x:EdgeVersion) WHERE x.fromId = n.id AND x.type = 'BASED_IN' AND {{KnownX}} AND {{ValidX}}
                  AND EXISTS { MATCH (y:EdgeVersion) WHERE y.fromId = x.toId AND y.type = 'MEMBER_OF' AND y.toId = $bloc AND {{KnownY}} AND {{ValidY}} } })
          AND ($needCodes IS NULL OR EXISTS {
                MATCH (x:EdgeVersion) WHERE x.fromId = n.id AND {{KnownX}} AND {{ValidX}}
                  AND ((x.type = 'NEEDS' AND x.toId IN $needCodes)
                    OR (x.type = 'SUPPLIES' AND x.status = 'signed' AND (x.product = $product OR x.category = $product))) })
        WITH n ORDER BY n.id
        WITH collect(properties(n)) AS matching
        RETURN size(matching) AS total, [m IN matching WHERE $after IS NULL OR m.id > $after][0..$limit] AS page
        """;

    /// <summary>As <see cref="Search"/>, over the versions.</summary>
    public const string VersionSearch = $$"""
        MATCH (n:NodeVersion)
        WHERE n.label IN ['Organization', 'Facility', 'Policy'] AND {{KnownN}} AND {{AttributesN}}
        WITH n, {{Searchable}} AS searchable
        WHERE searchable CONTAINS $text
        WITH n, searchable
        ORDER BY (toLower(coalesce(n.name, n.title)) = $text OR n.id = $slug) DESC, n.label <> 'Organization', searchable STARTS WITH $text DESC,
                 coalesce(n.name, n.title), n.label, n.id
        WITH collect({label: n.label, props: properties(n)}) AS matching
        RETURN size(matching) AS total, matching[$skip..$skip + $first] AS page
        """;

    /// <summary>The events stored by $known (a retraction recorded later is dropped where they are read).</summary>
    public const string VersionEventsById = """
        MATCH (e:Event) WHERE e.id IN $ids AND e.seq <= $known RETURN properties(e) AS props ORDER BY e.effectiveDate, e.seq
        """;

    public const string VersionStreamEvents = """
        MATCH (e:Event {stream: $stream}) WHERE e.seq <= $known RETURN properties(e) AS props ORDER BY e.effectiveDate, e.seq
        """;

    /// <summary>
    /// The knowledge point a view names ($seq, else the last event recorded at or before $at, else the last projected),
    /// the instant its event was recorded, the last projected sequence and the graph's last attribute change: what the
    /// reader needs to choose between the live graph and the history. A few index reads.
    /// </summary>
    public const string KnowledgeClock = """
        CALL () { OPTIONAL MATCH (s:Stream) RETURN coalesce(max(s.lastSeq), 0) AS projected }
        CALL () { OPTIONAL MATCH (e:Event) WHERE e.recordedAt <= $at RETURN coalesce(max(e.seq), 0) AS recordedBy }
        WITH projected, CASE WHEN $seq IS NOT NULL THEN $seq WHEN $at IS NOT NULL THEN recordedBy ELSE projected END AS point
        OPTIONAL MATCH (c:GraphClock {id: 'graph'})
        OPTIONAL MATCH (e:Event {seq: point})
        RETURN projected, point, max(e.recordedAt) AS recordedAt, c.lastAttributeChange AS lastAttributeChange
        """;
}
