namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The flagship question (docs/design.md) in one statement, with the meaning of PostgresSupplyQuestions.FirmsLackingSupplierAsync.</summary>
public static partial class Cypher
{
    /// <summary>
    /// Who controls whom above the supplier <c>sn</c> at $asOf: every firm up its in-force ownership relationships, and
    /// for each the owner whose stakes in it add up to more than 50 % (only one can), with that owner's country.
    /// </summary>
    private const string ControlAboveSupplier = $$"""
        COLLECT {
          MATCH SHORTEST 1 (sn)(()<-[x:OWNS WHERE x.validFrom <= $asOf AND (x.validTo IS NULL OR $asOf < x.validTo)]-(:Organization)){0,}(t:Organization)
          MATCH (t)<-[o:OWNS]-(org:Organization)
          WHERE o.validFrom <= $asOf AND (o.validTo IS NULL OR $asOf < o.validTo)
          WITH t, org, sum(toFloat(o.stakePercent)) AS stake
          WHERE stake > 50
          RETURN {target: t.id, owner: org.id, country: {{CountryOfOrg}} } AS control
        }
        """;

    /// <summary>
    /// Firms based (at the date) in $countries or a member of $bloc that need a product (consume a need code, or bought
    /// one before the date), each with its suppliers in force of $products, the country of each, and why each is
    /// excluded (its country, or with $ownership the nearest controlling owner up the chain in an excluded country);
    /// only the firms whose suppliers are all excluded (or that have none).
    /// </summary>
    public const string FirmsLackingSupplier = $$"""
        WITH $countries + COLLECT {
          MATCH (c:Country)-[m:MEMBER_OF]->(:Bloc {id: $bloc}) WHERE m.validFrom <= $asOf AND (m.validTo IS NULL OR $asOf < m.validTo) RETURN c.id
        } AS area
        MATCH (c:Country)<-[b:BASED_IN]-(firm:Organization)
        WHERE c.id IN area AND b.validFrom <= $asOf AND (b.validTo IS NULL OR $asOf < b.validTo) AND (firm.validFrom IS NULL OR firm.validFrom <= $asOf)
        WITH DISTINCT firm
        WITH firm,
             COLLECT { MATCH (firm)-[x:NEEDS]->(p) WHERE p.id IN $needCodes AND x.validFrom <= $asOf AND (x.validTo IS NULL OR $asOf < x.validTo)
                       RETURN DISTINCT p.id AS code ORDER BY code } AS consumes,
             COLLECT { MATCH (firm)<-[s:SUPPLIES]-() WHERE s.status = 'signed' AND s.product IN $products AND s.validFrom < $asOf
                       RETURN DISTINCT s.product AS product ORDER BY product } AS bought
        WHERE size(consumes) > 0 OR size(bought) > 0
        OPTIONAL MATCH (sn:Organization)-[s:SUPPLIES]->(firm)
        WHERE s.product IN $products AND {{SignedS}}
        WITH firm, consumes, bought, s, sn, sn AS org
        WITH firm, consumes, bought, s, sn, {{CountryOfOrg}} AS country
        WITH firm, consumes, bought, s, sn, country, CASE WHEN $ownership AND sn IS NOT NULL THEN {{ControlAboveSupplier}} ELSE [] END AS control
        WITH firm, consumes, bought, s, sn, country, control,
             reduce(chain = [sn.id], i IN range(1, size(control)) |
               chain + [c IN control WHERE c.target = last(chain) AND NOT c.owner IN chain | c.owner][0..1]) AS chain
        WITH firm, consumes, bought, s, sn, country, control,
             head([owner IN chain[1..] WHERE head([c IN control WHERE c.owner = owner | c.country]) IN $excluded]) AS controller
        WITH firm, consumes, bought, s, sn, country,
             CASE WHEN country IN $excluded THEN country ELSE head([c IN control WHERE c.owner = controller | c.country]) END AS exclCountry,
             CASE WHEN country IN $excluded THEN null ELSE controller END AS exclOwner
        WITH firm, consumes, bought, s, sn, country, exclCountry, exclOwner ORDER BY sn.id, s.key, s.validFrom
        WITH firm, consumes, bought,
             collect(CASE WHEN s IS NULL THEN null ELSE
               {agreement: {{Agreement}}, supplier: properties(sn), country: country, exclCountry: exclCountry, exclOwner: exclOwner} END) AS suppliers
        WHERE all(x IN suppliers WHERE x.exclCountry IS NOT NULL)
        RETURN properties(firm) AS firm, consumes, CASE WHEN size(consumes) > 0 THEN [] ELSE bought END AS bought, suppliers
        ORDER BY firm.id
        """;
}
