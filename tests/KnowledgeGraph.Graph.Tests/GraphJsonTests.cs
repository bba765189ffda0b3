using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Neo4j;
using static KnowledgeGraph.Graph.Tests.FoldTable;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>The one mapping of records to stored facts: every record reads back as written, in the stored shape.</summary>
public class GraphJsonTests
{
    private static readonly DateOnly From = Day("2024-01-01");
    private static readonly DateOnly To = Day("2025-01-01");

    private static readonly GraphNode[] Nodes =
    [
        new Organization("acme", From, ["e1"], "Acme", "US", OrganizationKind.GovernmentAgency, [Stage.Magnet], ["ACME"], ["magnet"]),
        new Facility("f", From, ["e2"], "Plant", "acme", "US", Stage.Separation, FacilityStatus.UnderConstruction, ["ndpr-oxide"], null),
        new Policy("p", From, ["e3", "e4"], "EU", PolicyKind.InvestmentScreening, "Screening", PolicyStatus.Revoked, To, [], ["acme"], ["CN"]),
        new Investment("i", From, ["e5"], DealStatus.Completed, InvestmentInstrument.Equity, "acme", "beta", 12.50m, "USD", 51),
        new Partnership("j", From, ["e6"], DealStatus.Ended, PartnershipKind.TechnologyLicence, ["acme", "beta"], ["ndfeb-magnet"], To, "expired"),
        new SupplyAgreement("s", From, ["e7"], DealStatus.Signed, "acme", "beta", "ndfeb-magnet", "magnet", 120.5m, null, To, null, null),
        .. StaticGraph.Nodes.DistinctBy(n => n.Label),
    ];

    private static readonly GraphEdge[] Edges =
    [
        new BasedIn("acme", "US", From, To, ["e1"]),
        new Needs("acme", Labels.Category, "magnet", From, null, ["e1"]),
        new Operates("acme", "f", From, null, ["e2"], FacilityStatus.Idle, Stage.Separation, 1000),
        new LocatedIn("f", "US", From, null, ["e2"]),
        new Produces("f", "ndpr-oxide", From, null, ["e2"]),
        new MemberOf("SE", "NATO", From, null, ["e8"]),
        new Supplies("acme", "beta", From, To, ["e7"], "s", "ndfeb-magnet", "magnet", DealStatus.Proposed, null),
        new InvestedIn("acme", "beta", From, null, ["e5"], "i", DealStatus.Completed, InvestmentInstrument.Equity, 51, 12.50m, "USD"),
        new Owns("acme", "beta", From, null, ["e5"], "i", 51),
        new PartyTo("acme", "s", From, null, ["e7"], DealRole.Supplier),
        new EnactedBy("p", Labels.Bloc, "EU", From, To, ["e3", "e4"]),
        new Covers("p", Labels.Product, "ndpr-oxide", From, To, ["e3"]),
        new Benefits("p", "acme", From, To, ["e3"]),
        new Targets("p", "CN", From, To, ["e3"]),
        .. StaticGraph.Edges.Take(1),
    ];

    [Fact]
    public void EveryLabelAndRelationshipType_HasARecord_ThatReadsBackAsWritten()
    {
        Assert.Equal(Labels.All.Order(StringComparer.Ordinal), Nodes.Select(n => n.Label).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Relationships.All.Order(StringComparer.Ordinal), Edges.Select(e => e.Type).Order(StringComparer.Ordinal));

        var nodes = Nodes.Select(n => GraphJson.Node(n.Label, n.Id, n.ValidFrom, n.EventIds, GraphJson.Of(n).ToJsonString())).ToArray();
        var edges = Edges.Select(e => GraphJson.Edge(e.Type, e.FromLabel, e.FromId, e.ToLabel, e.ToId, e.Key, e.ValidFrom, e.ValidTo, e.EventIds,
            GraphJson.Of(e))).ToArray();

        Assert.Equal(Described(Nodes), Described(nodes));
        Assert.Equal(Described(Edges), Described(edges));
    }

    [Fact]
    public void Facts_AreStoredByTheirWireNames_WithoutWhatEveryElementHas()
    {
        Assert.Equal("""{"supplierId":"acme","buyerId":"beta","product":"ndfeb-magnet","category":"magnet","volumeTonnesPerYear":120.5,"startDate":null,"endDate":"2025-01-01","endedOn":null,"endReason":null,"status":"signed","kind":"supply"}""",
            GraphJson.Of(Nodes[5]).ToJsonString());
        Assert.Equal("""{"role":"supplier"}""", GraphJson.Of(Edges[9]).ToJsonString());
        Assert.Equal("{}", GraphJson.Of(Edges[0]).ToJsonString());
    }

    [Fact]
    public void NoRecordsFacts_UseANameTheNeo4jAdapterKeepsForItself()
    {
        Assert.Empty(Nodes.SelectMany(n => GraphJson.Of(n)).Select(p => p.Key).Intersect(Neo4jRows.NodeKeys));
        Assert.Empty(Edges.SelectMany(e => GraphJson.Of(e)).Select(p => p.Key).Intersect(Neo4jRows.RelationshipKeys));
    }
}
