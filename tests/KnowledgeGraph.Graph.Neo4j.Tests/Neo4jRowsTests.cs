using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>The model as Neo4j properties and back, and the guard that keeps input out of the statement text.</summary>
public sealed class Neo4jRowsTests
{
    [Fact]
    public void Relationship_ReadsBackAsTheSameEdge_WithItsNullPropertiesLeftOut()
    {
        // Given a supply edge with an unknown volume
        var edge = new Supplies("acme", "beta", new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1), ["evt-1"],
            "deal-1", "ndfeb-magnet", "magnet", DealStatus.Signed, VolumeTonnesPerYear: null);

        // When it is written as a row and Neo4j gives its properties back
        var props = Neo4jRows.Relationship(edge, "deal-1")["props"]!.AsObject();
        var read = Neo4jRows.ReadRelationship(edge.Type, edge.FromLabel, edge.FromId, edge.ToLabel, edge.ToId, JsonNode.Parse(props.ToJsonString())!.AsObject());

        // Then dates are ISO strings, nulls are not stored, and the edge is the same
        Assert.Equal(("2024-01-01", "2025-01-01", "deal-1"), (props["validFrom"]!.GetValue<string>(), props["validTo"]!.GetValue<string>(), props["stream"]!.GetValue<string>()));
        Assert.False(props.ContainsKey("volumeTonnesPerYear"));
        Assert.Equal(edge with { EventIds = read.EventIds }, read);
        Assert.Equal(["evt-1"], read.EventIds);
        Assert.Equal(["category", "dealId", "product", "status"], props.Select(p => p.Key).Except(Neo4jRows.RelationshipKeys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Node_IsRefused_WhenAModelPropertyUsesANameTheAdapterKeeps()
    {
        // Given facts that say which stream they are from
        var facts = new JsonObject { ["name"] = "Acme", ["stream"] = "elsewhere" };

        // When / Then
        var error = Assert.Throws<InvalidOperationException>(() => Neo4jRows.Flatten(facts, Neo4jRows.NodeKeys, "Organization 'acme'"));
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
