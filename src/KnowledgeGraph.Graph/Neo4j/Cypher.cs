using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Every Cypher statement of the Neo4j adapter, in one place so that tools/cypher-lint checks them all. Values always
/// travel as parameters. Labels and relationship types cannot be parameters, so a statement that needs one names it with
/// a slot (see <see cref="CypherSlots"/>) that <see cref="CypherSlots.Bind"/> fills with a name from
/// <see cref="Labels"/> or <see cref="Relationships"/> only. Written for Cypher 5 (Neo4j 5.19 and later).
/// Dates are ISO strings (yyyy-MM-dd): compared as strings, they order as dates. <c>CALL (x) { }</c> needs Neo4j 5.23+;
/// the supported server is 5.26 (docker-compose.yml).
/// </summary>
public static partial class Cypher
{
    private const string GraphLabels = Labels.Organization + "|" + Labels.Facility + "|" + Labels.Country + "|" + Labels.Bloc + "|"
        + Labels.Product + "|" + Labels.Category + "|" + Labels.Deal + "|" + Labels.Policy;

    private const string SearchableLabels = Labels.Organization + "|" + Labels.Facility + "|" + Labels.Policy;

    // The text a search matches, lower-cased, exactly as the PostgreSQL adapter's search column builds it: the name, the
    // title and the aliases as jsonb writes the array (["a", "b"], with \ and " escaped), so both stores find the same.
    private const string Searchable = """
        toLower(coalesce(n.name, '') + ' ' + coalesce(n.title, '') + ' ' + CASE WHEN n.aliases IS NULL THEN '' ELSE
          '[' + reduce(s = '', a IN n.aliases | s + CASE WHEN s = '' THEN '' ELSE ', ' END
            + '"' + replace(replace(a, '\\', '\\\\'), '"', '\\"') + '"') + ']' END)
        """;

    // Schema, created at start-up; each runs in its own implicit transaction (schema and data changes do not mix).
    public const string NodeIdIsUnique = "CREATE CONSTRAINT IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE";
    public const string NodeStreamIndex = "CREATE INDEX IF NOT EXISTS FOR (n:__LABEL__) ON (n.stream)";
    public const string RelationshipStreamIndex = "CREATE INDEX IF NOT EXISTS FOR ()-[r:__TYPE__]-() ON (r.stream)";
    public const string EventIdIsUnique = "CREATE CONSTRAINT IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE";
    public const string EventStreamIndex = "CREATE INDEX IF NOT EXISTS FOR (e:Event) ON (e.stream)";
    public const string StreamIdIsUnique = "CREATE CONSTRAINT IF NOT EXISTS FOR (s:Stream) REQUIRE s.id IS UNIQUE";
    public const string ErrorStreamIndex = "CREATE INDEX IF NOT EXISTS FOR (e:ProjectionError) ON (e.stream)";
    public const string VanishedIdIndex = "CREATE INDEX IF NOT EXISTS FOR (v:Vanished) ON (v.id)";
    public const string EventSeqIndex = "CREATE INDEX IF NOT EXISTS FOR (e:Event) ON (e.seq)";
    public const string EventRecordedAtIndex = "CREATE INDEX IF NOT EXISTS FOR (e:Event) ON (e.recordedAt)";

    // One batch of the projection is ONE statement, run as one auto-commit request: the fragments below, in this order,
    // the ones with slots once per label, relationship type or (type, from, to) the batch needs. The first moves each
    // stream's sequence forward and keeps the streams that were behind in `fresh`; every later part writes only rows of
    // those streams, so the statement sent again after a lost reply finds nothing fresh and changes nothing.
    public const string BatchClaimStreams = """
        UNWIND $streams AS claim
        MERGE (s:Stream {id: claim.stream})
        WITH s, claim
        WHERE s.lastSeq IS NULL OR s.lastSeq < claim.seq
        SET s.lastSeq = claim.seq
        WITH collect(claim.stream) AS fresh
        """;

    public const string BatchDeleteRelationships = """
        CALL (fresh) { MATCH ()-[r:__TYPE__]->() WHERE r.stream IN fresh DELETE r }
        """;

    public const string BatchDeleteErrors = """
        CALL (fresh) { MATCH (e:ProjectionError) WHERE e.stream IN fresh DELETE e }
        """;

    /// <summary>A fresh stream's history is written again whole, as PostgreSQL deletes and inserts its version rows.</summary>
    public const string BatchDeleteVersions = """
        CALL (fresh) { MATCH (v:NodeVersion) WHERE v.stream IN fresh DELETE v }
        CALL (fresh) { MATCH (v:EdgeVersion) WHERE v.stream IN fresh DELETE v }
        """;

    /// <summary>
    /// Moves the graph's last attribute change forward to the latest date from which a fresh stream's believed node
    /// attributes hold (<c>claim.lastAttributeChange</c>): the reader answers from the live graph at or after it. It
    /// never moves back (a retraction leaves it), which only sends more dates to the history.
    /// </summary>
    public const string BatchAdvanceClock = """
        CALL (fresh) {
          UNWIND $streams AS claim
          WITH claim WHERE claim.stream IN fresh AND claim.lastAttributeChange IS NOT NULL
          WITH max(claim.lastAttributeChange) AS latest
          WHERE latest IS NOT NULL
          MERGE (c:GraphClock {id: 'graph'})
          SET c.lastAttributeChange = CASE WHEN c.lastAttributeChange IS NULL OR c.lastAttributeChange < latest THEN latest ELSE c.lastAttributeChange END
        }
        """;

    /// <summary>Upserts every version of the fresh streams' nodes: one <c>:NodeVersion</c> each, by its key.</summary>
    public const string BatchUpsertNodeVersions = """
        CALL (fresh) {
          UNWIND $nodeVersions AS row
          WITH row WHERE row.props.stream IN fresh
          MERGE (v:NodeVersion {version: row.version}) SET v = row.props
        }
        """;

    /// <summary>
    /// Upserts every version of the fresh streams' relationships whose two ends have a version (of any point, as
    /// PostgreSQL checks node_versions), as an <c>:EdgeVersion</c> node, and records each of the others as a projection error.
    /// </summary>
    public const string BatchUpsertEdgeVersions = """
        CALL (fresh) {
          UNWIND $edgeVersions AS row
          WITH row WHERE row.props.stream IN fresh
          WITH row, EXISTS { MATCH (f:NodeVersion {id: row.props.fromId}) WHERE f.label = row.props.fromLabel }
                AND EXISTS { MATCH (t:NodeVersion {id: row.props.toId}) WHERE t.label = row.props.toLabel } AS ends
          FOREACH (_ IN CASE WHEN ends THEN [1] ELSE [] END | MERGE (v:EdgeVersion {version: row.version}) SET v = row.props)
          FOREACH (_ IN CASE WHEN ends THEN [] ELSE [1] END |
            MERGE (e:ProjectionError {stream: row.missing.stream, eventId: row.missing.eventId, reason: row.missing.reason})
            ON CREATE SET e.seq = row.missing.seq)
        }
        """;

    /// <summary>
    /// Upserts nodes: <c>row.props</c> holds every property, the node's own and the adapter's (id, validFrom, eventIds,
    /// stream). A placeholder left by <see cref="BatchDeleteAbandonedNodes"/> becomes the node again, with its relationships.
    /// </summary>
    public const string BatchUpsertNodes = """
        CALL (fresh) {
          UNWIND $nodes.__LABEL__ AS row
          WITH row WHERE row.props.stream IN fresh
          OPTIONAL MATCH (v:Vanished {id: row.id, vanishedLabel: '__LABEL__'})
          FOREACH (_ IN CASE WHEN v IS NULL THEN [] ELSE [1] END | REMOVE v:Vanished SET v:__LABEL__)
          WITH row
          MERGE (n:__LABEL__ {id: row.id}) SET n = row.props
        }
        """;

    /// <summary>
    /// Deletes the nodes a fresh stream contributed before and no longer does (a retracted registration). A node that
    /// other streams' relationships still reach stays as a placeholder (<c>:Vanished</c>, its id and label only), so
    /// those relationships stay as PostgreSQL keeps their rows, unread by the questions, and come back to life with the
    /// node if it is registered again (see <see cref="BatchUpsertNodes"/>): the graph does not depend on where batches split.
    /// </summary>
    public const string BatchDeleteAbandonedNodes = """
        CALL (fresh) {
          MATCH (n:__LABEL__) WHERE n.stream IN fresh AND NOT n.id IN $kept.__LABEL__
          WITH n, EXISTS { (n)--() } AS held
          FOREACH (_ IN CASE WHEN held THEN [1] ELSE [] END | REMOVE n:__LABEL__ SET n = {id: n.id, vanishedLabel: '__LABEL__'}, n:Vanished)
          FOREACH (_ IN CASE WHEN held THEN [] ELSE [1] END | DELETE n)
        }
        """;

    /// <summary>Deletes the placeholders no relationship reaches any more.</summary>
    public const string BatchDeleteUnheldPlaceholders = """
        CALL (fresh) { MATCH (v:Vanished) WHERE NOT EXISTS { (v)--() } DELETE v }
        """;

    /// <summary>
    /// Upserts the relationships whose two ends exist in the live graph. One whose end does not is left out; whether it
    /// is a projection error is told by its versions (<see cref="BatchUpsertEdgeVersions"/>).
    /// </summary>
    public const string BatchUpsertRelationships = """
        CALL (fresh) {
          UNWIND $relationships.__TYPE__.__FROM__.__TO__ AS row
          WITH row WHERE row.props.stream IN fresh
          MATCH (f:__FROM__ {id: row.fromId})
          MATCH (t:__TO__ {id: row.toId})
          MERGE (f)-[r:__TYPE__ {key: row.key, validFrom: row.validFrom}]->(t) SET r = row.props
        }
        """;

    public const string BatchUpsertEvents = """
        CALL (fresh) { UNWIND $events AS row WITH row WHERE row.props.stream IN fresh MERGE (e:Event {id: row.id}) SET e = row.props }
        """;

    public const string BatchInsertErrors = """
        CALL (fresh) {
          UNWIND $errors AS row
          WITH row WHERE row.stream IN fresh
          MERGE (e:ProjectionError {stream: row.stream, eventId: row.eventId, reason: row.reason})
          ON CREATE SET e.seq = row.seq
        }
        """;

    public const string BatchReturn = "RETURN size(fresh) AS fresh";

    /// <summary>Upserts nodes that belong to no stream (the static vocabulary), at start-up.</summary>
    public const string UpsertNodes = "UNWIND $rows AS row MERGE (n:__LABEL__ {id: row.id}) SET n = row.props";

    /// <summary>Upserts relationships that belong to no stream (the static vocabulary), at start-up.</summary>
    public const string UpsertRelationships = """
        UNWIND $rows AS row
        MATCH (f:__FROM__ {id: row.fromId})
        MATCH (t:__TO__ {id: row.toId})
        MERGE (f)-[r:__TYPE__ {key: row.key, validFrom: row.validFrom}]->(t)
        SET r = row.props
        """;

    /// <summary>Upserts versions of nodes that belong to no stream (the static vocabulary), at start-up.</summary>
    public const string UpsertNodeVersions = "UNWIND $rows AS row MERGE (v:NodeVersion {version: row.version}) SET v = row.props";

    /// <summary>Upserts versions of relationships that belong to no stream (the static vocabulary), at start-up.</summary>
    public const string UpsertEdgeVersions = "UNWIND $rows AS row MERGE (v:EdgeVersion {version: row.version}) SET v = row.props";

    /// <summary>
    /// Deletes a batch of this graph's nodes (its labels and its bookkeeping, nothing else the database holds) and says how
    /// many; run until it says 0, each batch its own transaction.
    /// </summary>
    public const string DeleteSomeNodes = $"MATCH (n:{GraphLabels}|Vanished|Event|Stream|ProjectionError|NodeVersion|EdgeVersion|GraphClock) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted";

    public const string Status = $$"""
        OPTIONAL MATCH (s:Stream)
        WITH coalesce(max(s.lastSeq), 0) AS projected
        RETURN projected,
               COUNT { MATCH (n:{{GraphLabels}}) } AS nodes,
               COUNT { MATCH ()-[r]->() } AS edges,
               COUNT { MATCH (e:ProjectionError) } AS errors
        """;

    public const string RecentErrors =
        "MATCH (e:ProjectionError) RETURN e.seq AS seq, e.eventId AS eventId, e.reason AS reason ORDER BY e.seq DESC, e.eventId LIMIT 20";

    /// <summary>Every version of every node, from the history (the live graph is what part of it says now).</summary>
    public const string DumpNodeVersions = "MATCH (v:NodeVersion) RETURN properties(v) AS props";

    /// <summary>Every version of every relationship, from the history.</summary>
    public const string DumpEdgeVersions = "MATCH (v:EdgeVersion) RETURN properties(v) AS props";

    public const string DumpEvents = "MATCH (e:Event) RETURN properties(e) AS props";

    public const string DumpErrors = "MATCH (e:ProjectionError) RETURN properties(e) AS props";

    public const string NodesById = "MATCH (n:__LABEL__) WHERE n.id IN $ids RETURN properties(n) AS props ORDER BY n.id";

    public const string AllNodes = "MATCH (n:__LABEL__) RETURN properties(n) AS props ORDER BY n.id";

    public const string RelationshipsOfType = """
        MATCH (f)-[r:__TYPE__]->(t)
        WHERE ($fromIds IS NULL OR f.id IN $fromIds)
          AND ($toIds IS NULL OR t.id IN $toIds)
          AND ($asOf IS NULL OR (r.validFrom <= $asOf AND (r.validTo IS NULL OR $asOf < r.validTo)))
        RETURN coalesce(f.vanishedLabel, head(labels(f))) AS fromLabel, f.id AS fromId, coalesce(t.vanishedLabel, head(labels(t))) AS toLabel,
               t.id AS toId, properties(r) AS props
        """;

    /// <summary>
    /// Organizations registered by $asOf that match the filter (each filter is skipped when its parameter is null), all
    /// counted, then one page after the cursor. Same meaning as the PostgreSQL adapter's query.
    /// </summary>
    public const string Organizations = $$"""
        MATCH (n:Organization)
        WHERE n.validFrom <= $asOf
          AND ($text IS NULL OR {{Searchable}} CONTAINS $text)
          AND ($stage IS NULL OR $stage IN n.stages)
          AND ($countries IS NULL OR EXISTS {
                MATCH (n)-[b:BASED_IN]->(c) WHERE c.id IN $countries AND b.validFrom <= $asOf AND (b.validTo IS NULL OR $asOf < b.validTo) })
          AND ($bloc IS NULL OR EXISTS {
                MATCH (n)-[b:BASED_IN]->()-[m:MEMBER_OF]->(bloc) WHERE bloc.id = $bloc
                  AND b.validFrom <= $asOf AND (b.validTo IS NULL OR $asOf < b.validTo)
                  AND m.validFrom <= $asOf AND (m.validTo IS NULL OR $asOf < m.validTo) })
          AND ($needCodes IS NULL
               OR EXISTS { MATCH (n)-[x:NEEDS]->(p) WHERE p.id IN $needCodes AND x.validFrom <= $asOf AND (x.validTo IS NULL OR $asOf < x.validTo) }
               OR EXISTS { MATCH (n)-[x:SUPPLIES]->() WHERE x.validFrom <= $asOf AND (x.validTo IS NULL OR $asOf < x.validTo)
                             AND x.status = 'signed' AND (x.product = $product OR x.category = $product) })
        WITH n ORDER BY n.id
        WITH collect(properties(n)) AS matching
        RETURN size(matching) AS total, [m IN matching WHERE $after IS NULL OR m.id > $after][0..$limit] AS page
        """;

    /// <summary>Ranked as the PostgreSQL adapter ranks: exact names, then organizations, then prefixes; all counted, one page.</summary>
    public const string Search = $$"""
        MATCH (n:{{SearchableLabels}})
        WITH n, {{Searchable}} AS searchable
        WHERE searchable CONTAINS $text
        WITH n, searchable
        ORDER BY (toLower(coalesce(n.name, n.title)) = $text OR n.id = $slug) DESC, NOT n:Organization, searchable STARTS WITH $text DESC,
                 coalesce(n.name, n.title), head(labels(n)), n.id
        WITH collect({label: head(labels(n)), props: properties(n)}) AS matching
        RETURN size(matching) AS total, matching[$skip..$skip + $first] AS page
        """;

    public const string EventsById = "MATCH (e:Event) WHERE e.id IN $ids RETURN properties(e) AS props ORDER BY e.effectiveDate, e.seq";

    public const string StreamEvents = "MATCH (e:Event {stream: $stream}) RETURN properties(e) AS props ORDER BY e.effectiveDate, e.seq";
}
