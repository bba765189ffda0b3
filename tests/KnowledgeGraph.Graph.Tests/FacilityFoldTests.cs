using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Projection;
using static KnowledgeGraph.Graph.Tests.FoldTable;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>A facility's stream: its attributes over time, its operation over time, where it is and what it produces.</summary>
public class FacilityFoldTests
{
    private static readonly FacilityRegistered Plant = new("f", "Plant", "acme", "US", "separation", "planned", ["ndpr-oxide"], 500);

    [Fact]
    public void StatusChange_ClosesOneVersionOfItsOperationAndOfItsAttributes_AndOpensTheNext()
    {
        Then("facility:f", [Event("r1", "2020-01-01", Plant), Event("s1", "2022-03-01", new FacilityStatusChanged("f", "operating"))],
            [
                new Facility("f", Day("2020-01-01"), ["r1"], "Plant", "acme", "US", Stage.Separation, FacilityStatus.Planned, ["ndpr-oxide"], 500)
                    { AttributesTo = Day("2022-03-01") },
                new Facility("f", Day("2020-01-01"), ["r1", "s1"], "Plant", "acme", "US", Stage.Separation, FacilityStatus.Operating, ["ndpr-oxide"], 500)
                    { AttributesFrom = Day("2022-03-01") },
            ],
            [
                new Operates("acme", "f", Day("2020-01-01"), Day("2022-03-01"), ["r1", "s1"], FacilityStatus.Planned, Stage.Separation, 500),
                new Operates("acme", "f", Day("2022-03-01"), null, ["s1"], FacilityStatus.Operating, Stage.Separation, 500),
                new LocatedIn("f", "US", Day("2020-01-01"), null, ["r1"]),
                new Produces("f", "ndpr-oxide", Day("2020-01-01"), null, ["r1"]),
            ]);
    }

    [Fact]
    public void UpdateOfProductsAndName_ChangesProductionAndItsAttributes_ButNotTheOperation()
    {
        Then("facility:f", [
                Event("r1", "2020-01-01", Plant with { Status = "operating" }),
                Event("u1", "2023-01-01", new FacilityUpdated("f", Name: "Plant II", Products: ["dy-oxide"]))],
            [
                new Facility("f", Day("2020-01-01"), ["r1"], "Plant", "acme", "US", Stage.Separation, FacilityStatus.Operating, ["ndpr-oxide"], 500)
                    { AttributesTo = Day("2023-01-01") },
                new Facility("f", Day("2020-01-01"), ["r1", "u1"], "Plant II", "acme", "US", Stage.Separation, FacilityStatus.Operating, ["dy-oxide"], 500)
                    { AttributesFrom = Day("2023-01-01") },
            ],
            [
                new Operates("acme", "f", Day("2020-01-01"), null, ["r1"], FacilityStatus.Operating, Stage.Separation, 500),
                new LocatedIn("f", "US", Day("2020-01-01"), null, ["r1"]),
                new Produces("f", "ndpr-oxide", Day("2020-01-01"), Day("2023-01-01"), ["r1"]),
                new Produces("f", "dy-oxide", Day("2023-01-01"), null, ["u1"]),
            ]);
    }

    [Fact]
    public void StatusChangeWithoutRegistration_IsAProjectionError_AndNoFacility()
    {
        var graph = StreamFolder.Fold("facility:f", [Event("s1", "2022-03-01", new FacilityStatusChanged("f", "idle"))]);

        Assert.Empty(graph.Nodes);
        Assert.Empty(graph.Edges);
        Assert.Equal("FacilityStatusChanged before any FacilityRegistered in its stream", Assert.Single(graph.Errors).Reason);
    }
}
