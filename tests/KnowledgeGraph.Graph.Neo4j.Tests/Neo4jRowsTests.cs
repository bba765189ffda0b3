using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>The model as Neo4j properties and back, and the guard that keeps input out of the statement text.</summary>
public sealed class Neo4jRowsTests
{
    [Fact]
    public void Relationship_ReadsBackAsTheSameEdge_WithItsNullsKept_AndItsDecimalsExact()
    {
        // Given an investment with no currency, and an amount a floating-point number cannot hold exactly
        var edge = new InvestedIn("acme", "beta", new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1), ["evt-1"],
            "deal-1", DealStatus.Completed, InvestmentInstrument.Equity, StakePercent: 51.5m, Amount: 12345678901234567.89m, Currency: null);

        // When it is written as a row and Neo4j gives its properties back
        var props = Neo4jRows.Relationship(edge, "deal-1")["props"]!.AsObject();
        var read = Neo4jRows.ReadRelationship(edge.Type, edge.FromLabel, edge.FromId, edge.ToLabel, edge.ToId, JsonNode.Parse(props.ToJsonString())!.AsObject());

        // Then dates are ISO strings, no null is sent (Neo4j stores none), numbers travel as their exact text
        Assert.Equal(("2024-01-01", "2025-01-01", "deal-1"), (props["validFrom"]!.GetValue<string>(), props["validTo"]!.GetValue<string>(), props["stream"]!.GetValue<string>()));
        Assert.DoesNotContain(props, p => p.Value is null);
        Assert.Equal("12345678901234567.89", props["amount"]!.GetValue<string>());

        // And the edge reads back the same, its facts equal to the ones PostgreSQL keeps, the null included
        Assert.Equal(edge with { EventIds = read.EventIds }, read);
        Assert.Equal(["evt-1"], read.EventIds);
        Assert.Equal(GraphDump.Canonical(GraphJson.Of(edge)), GraphDump.Canonical(GraphJson.Of(read)));
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
