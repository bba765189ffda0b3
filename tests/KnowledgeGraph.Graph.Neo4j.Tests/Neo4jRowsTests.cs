using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>The model as Neo4j properties and back, and the guard that keeps input out of the statement text.</summary>
public sealed class Neo4jRowsTests
{
    [Fact]
    public void Relationship_ReadsBackAsTheSameEdge_WithItsNullsKept_AndItsDecimalsExact()
    {
        // Given a supply edge with an unknown volume, and an amount a floating-point number cannot hold exactly
        var edge = new GraphEdge(Relationships.Supplies, Labels.Organization, "acme", Labels.Organization, "beta", "deal-1",
            new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1),
            new JsonObject { ["status"] = "signed", ["volumeTonnesPerYear"] = null, ["stakePercent"] = 51.5m, ["amount"] = 12345678901234567.89m }, ["evt-1"]);

        // When it is written as a row and Neo4j gives its properties back
        var props = Neo4jRows.Relationship(edge, "deal-1")["props"]!.AsObject();
        var read = Neo4jRows.ReadRelationship(edge.Type, edge.FromLabel, edge.FromId, edge.ToLabel, edge.ToId, JsonNode.Parse(props.ToJsonString())!.AsObject());

        // Then dates are ISO strings, no null is sent (Neo4j stores none), numbers travel as their text
        Assert.Equal(("2024-01-01", "2025-01-01", "deal-1"), (props["validFrom"]!.GetValue<string>(), props["validTo"]!.GetValue<string>(), props["stream"]!.GetValue<string>()));
        Assert.DoesNotContain(props, p => p.Value is null);
        Assert.Equal("12345678901234567.89", props["amount"]!.GetValue<string>());

        // And the edge reads back the same, its properties equal to the ones PostgreSQL keeps
        Assert.Equal((edge.Key, edge.ValidFrom, edge.ValidTo, "signed", 51.5m), (read.Key, read.ValidFrom, read.ValidTo, read.Text("status"), read.Number("stakePercent")));
        Assert.Equal(["evt-1"], read.EventIds);
        Assert.Equal("""{"amount":12345678901234567.89,"stakePercent":51.5,"status":"signed","volumeTonnesPerYear":null}""", GraphDump.Canonical(read.Properties));
        Assert.Equal(GraphDump.Canonical(edge.Properties), GraphDump.Canonical(read.Properties));
    }

    [Fact]
    public void Node_IsRefused_WhenAModelPropertyUsesANameTheAdapterKeeps()
    {
        // Given a node whose own properties say which stream it is from
        var node = new GraphNode(Labels.Organization, "acme", null, new JsonObject { ["stream"] = "elsewhere" }, []);

        // When / Then
        var error = Assert.Throws<InvalidOperationException>(() => Neo4jRows.Node(node, "org-acme"));
        Assert.Contains("'stream'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_RefusesANameThatIsNotOneOfTheGraphs_SoNoInputReachesTheStatement()
    {
        // Given a label that tries to smuggle Cypher in
        const string injected = "Organization) DETACH DELETE (x";

        // When / Then
        Assert.Throws<ArgumentException>(() => CypherSlots.BindLabel(Cypher.AllNodes, injected));
        Assert.Equal("MATCH (n:Deal) RETURN properties(n) AS props ORDER BY n.id", CypherSlots.BindLabel(Cypher.AllNodes, Labels.Deal));
    }
}
