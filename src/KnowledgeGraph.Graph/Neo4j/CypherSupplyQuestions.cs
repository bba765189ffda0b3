namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The supply questions, each one statement with the meaning of its PostgreSQL counterpart
/// (Postgres/PostgresSupplyQuestions.cs): agreements in force are signed <c>SUPPLIES</c> relationships valid at $asOf.
/// </summary>
public static partial class Cypher
{
    /// <summary>The agreement <c>s</c> is signed and in force at $asOf, and for one of $products when they are named.</summary>
    private const string SignedS = "s.status = 'signed' AND s.validFrom <= $asOf AND (s.validTo IS NULL OR $asOf < s.validTo)";

    private const string ProductsS = "($products IS NULL OR s.product IN $products)";

    /// <summary>The agreement <c>s</c> with its ends, as Neo4jMaps reads it back.</summary>
    private const string Agreement =
        "{type: type(s), fromLabel: 'Organization', fromId: sn.id, toLabel: 'Organization', toId: bn.id, props: properties(s)}";

    /// <summary>The country the organization <c>org</c> is based in at $asOf (the first by code, as PostgreSQL's CountryOf).</summary>
    private const string CountryOfOrg =
        "head(COLLECT { MATCH (org)-[b:BASED_IN]->(c:Country) WHERE b.validFrom <= $asOf AND (b.validTo IS NULL OR $asOf < b.validTo) RETURN c.id AS id ORDER BY id })";

    private const string SupplyLinkRows = $"""
        WITH s, sn, bn ORDER BY sn.id, bn.id, s.key, s.validFrom
        RETURN {Agreement} AS agreement, properties(sn) AS supplier, properties(bn) AS buyer
        """;

    public const string SupplyLinksToBuyer = $$"""
        MATCH (sn:Organization)-[s:SUPPLIES]->(bn:Organization {id: $buyer})
        WHERE {{SignedS}} AND {{ProductsS}} AND ($supplier IS NULL OR sn.id = $supplier)
        {{SupplyLinkRows}}
        """;

    public const string SupplyLinksFromSupplier = $$"""
        MATCH (sn:Organization {id: $supplier})-[s:SUPPLIES]->(bn:Organization)
        WHERE {{SignedS}} AND {{ProductsS}}
        {{SupplyLinkRows}}
        """;

    public const string SupplyLinksAll = $$"""
        MATCH (sn:Organization)-[s:SUPPLIES]->(bn:Organization)
        WHERE {{SignedS}} AND {{ProductsS}}
        {{SupplyLinkRows}}
        """;

    /// <summary>
    /// Each firm up the chain at its tier (its shortest distance, the first hop for $products), then every agreement in
    /// force into the firms short of $depth. The quantifier stops at 6 more hops: tier 8 is SupplyRelations.MaxDepth.
    /// </summary>
    public const string SupplyChain = $$"""
        MATCH (root:Organization {id: $org})
        CALL (root) {
          RETURN root AS firm, 0 AS tier
          UNION
          MATCH p = SHORTEST 1 (root)<-[first:SUPPLIES WHERE first.status = 'signed' AND first.validFrom <= $asOf
                      AND (first.validTo IS NULL OR $asOf < first.validTo) AND ($products IS NULL OR first.product IN $products)]-(:Organization)
                    (()<-[s:SUPPLIES WHERE {{SignedS}}]-(:Organization)){0,6}(firm:Organization)
          RETURN firm, length(p) AS tier
        }
        WITH firm AS bn, min(tier) AS tier
        WHERE tier < $depth
        MATCH (sn:Organization)-[s:SUPPLIES]->(bn)
        WHERE {{SignedS}} AND (tier > 0 OR {{ProductsS}})
        WITH tier, s, sn, bn ORDER BY tier, sn.id, bn.id, s.key, s.validFrom
        RETURN tier + 1 AS tier, {{Agreement}} AS agreement, properties(sn) AS supplier, properties(bn) AS buyer
        """;

    /// <summary>The buyers (based, at the date, in a member of $bloc when it is named) whose every supplier in force of $products is in $cut.</summary>
    public const string StrandedIf = $$"""
        MATCH (sn:Organization)-[s:SUPPLIES]->(bn:Organization)
        WHERE s.product IN $products AND {{SignedS}}
        WITH s, sn, bn, sn AS org
        WITH s, sn, bn, {{CountryOfOrg}} AS country
        WITH s, sn, bn, country ORDER BY sn.id, s.key, s.validFrom
        WITH bn, collect({agreement: {{Agreement}}, supplier: properties(sn), country: country}) AS suppliers
        WHERE all(x IN suppliers WHERE x.country IN $cut)
        WITH bn, suppliers, bn AS org
        WITH bn, suppliers, {{CountryOfOrg}} AS buyerCountry
        WHERE $bloc IS NULL OR EXISTS {
          MATCH (:Country {id: buyerCountry})-[m:MEMBER_OF]->(:Bloc {id: $bloc}) WHERE m.validFrom <= $asOf AND (m.validTo IS NULL OR $asOf < m.validTo) }
        RETURN properties(bn) AS buyer, suppliers
        ORDER BY bn.id
        """;
}
