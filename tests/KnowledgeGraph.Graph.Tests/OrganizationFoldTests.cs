using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Tests.FoldTable;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>An organization's stream: its attributes over time, where it is based over time, what it needs over time.</summary>
public class OrganizationFoldTests
{
    private static readonly OrganizationRegistered Acme =
        new("acme", "Acme", "US", "company", ["magnet", "alloy"], ["ACME Corp"], ["ndpr-oxide", "alloy"]);

    [Fact]
    public void Registration_GivesTheNode_ItsCountry_AndANeedPerProductOrCategory()
    {
        Then("org:acme", [Event("r1", "2020-01-01", Acme)],
            [new Organization("acme", Day("2020-01-01"), ["r1"], "Acme", "US", OrganizationKind.Company, [Stage.Magnet, Stage.Alloy], ["ACME Corp"], ["ndpr-oxide", "alloy"])],
            [
                new BasedIn("acme", "US", Day("2020-01-01"), null, ["r1"]),
                new Needs("acme", Labels.Product, "ndpr-oxide", Day("2020-01-01"), null, ["r1"]),
                new Needs("acme", Labels.Category, "alloy", Day("2020-01-01"), null, ["r1"]),
            ]);
    }

    [Fact]
    public void Updates_MoveItRenameItAndChangeItsNeeds_FromTheirOwnDates_InWorldTimeOrder()
    {
        // The rename of 2024 is recorded before the one of 2023: world time decides which is latest.
        Then("org:acme", [
                Event("r1", "2020-01-01", Acme),
                Event("u1", "2022-06-01", new OrganizationUpdated("acme", Country: "AU", Consumes: ["ndpr-oxide", "dy-oxide"])),
                Event("u2", "2024-01-01", new OrganizationUpdated("acme", Name: "Acme Rare Earths", Kind: "consortium")),
                Event("u3", "2023-01-01", new OrganizationUpdated("acme", Name: "Acme Ltd"))],
            [
                new Organization("acme", Day("2020-01-01"), ["r1"], "Acme", "US", OrganizationKind.Company,
                    [Stage.Magnet, Stage.Alloy], ["ACME Corp"], ["ndpr-oxide", "alloy"]) { AttributesTo = Day("2022-06-01") },
                new Organization("acme", Day("2020-01-01"), ["r1", "u1"], "Acme", "AU", OrganizationKind.Company,
                    [Stage.Magnet, Stage.Alloy], ["ACME Corp"], ["ndpr-oxide", "dy-oxide"]) { AttributesFrom = Day("2022-06-01"), AttributesTo = Day("2023-01-01") },
                new Organization("acme", Day("2020-01-01"), ["r1", "u1", "u3"], "Acme Ltd", "AU", OrganizationKind.Company,
                    [Stage.Magnet, Stage.Alloy], ["ACME Corp"], ["ndpr-oxide", "dy-oxide"]) { AttributesFrom = Day("2023-01-01"), AttributesTo = Day("2024-01-01") },
                new Organization("acme", Day("2020-01-01"), ["r1", "u1", "u3", "u2"], "Acme Rare Earths", "AU", OrganizationKind.Consortium,
                    [Stage.Magnet, Stage.Alloy], ["ACME Corp"], ["ndpr-oxide", "dy-oxide"]) { AttributesFrom = Day("2024-01-01") },
            ],
            [
                new BasedIn("acme", "US", Day("2020-01-01"), Day("2022-06-01"), ["r1", "u1"]),
                new BasedIn("acme", "AU", Day("2022-06-01"), null, ["u1"]),
                new Needs("acme", Labels.Product, "ndpr-oxide", Day("2020-01-01"), null, ["r1"]),
                new Needs("acme", Labels.Category, "alloy", Day("2020-01-01"), Day("2022-06-01"), ["r1"]),
                new Needs("acme", Labels.Product, "dy-oxide", Day("2022-06-01"), null, ["u1"]),
            ]);
    }

    [Fact]
    public void RetractedMove_LeavesItWhereItWas()
    {
        Then("org:acme", [
                Event("r1", "2020-01-01", Acme with { Consumes = null }),
                Event("u1", "2022-06-01", new OrganizationUpdated("acme", Country: "AU")),
                Event("x1", "2022-07-01", new EventRetracted("u1", "misreported"))],
            [new Organization("acme", Day("2020-01-01"), ["r1"], "Acme", "US", OrganizationKind.Company, [Stage.Magnet, Stage.Alloy], ["ACME Corp"], [])],
            [new BasedIn("acme", "US", Day("2020-01-01"), null, ["r1"])]);
    }
}
