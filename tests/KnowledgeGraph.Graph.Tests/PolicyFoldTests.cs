using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Tests.FoldTable;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>A policy's stream: enacted by a country or bloc, covering, benefiting and targeting, amended until revoked.</summary>
public class PolicyFoldTests
{
    private static readonly PolicyEnacted Tariff = new("p", "EU", "import-tariff", "Magnet tariff", ["magnet", "ndpr-oxide"], ["acme"], ["CN"]);

    [Fact]
    public void Enactment_IsInForce_WithARelationshipPerProductOrCategory_Beneficiary_AndTarget()
    {
        Then("policy:p", [Event("e1", "2023-01-01", Tariff)],
            [new Policy("p", Day("2023-01-01"), ["e1"], "EU", PolicyKind.ImportTariff, "Magnet tariff", PolicyStatus.InForce, null,
                ["magnet", "ndpr-oxide"], ["acme"], ["CN"])],
            [
                new EnactedBy("p", Labels.Bloc, "EU", Day("2023-01-01"), null, ["e1"]),
                new Covers("p", Labels.Category, "magnet", Day("2023-01-01"), null, ["e1"]),
                new Covers("p", Labels.Product, "ndpr-oxide", Day("2023-01-01"), null, ["e1"]),
                new Benefits("p", "acme", Day("2023-01-01"), null, ["e1"]),
                new Targets("p", "CN", Day("2023-01-01"), null, ["e1"]),
            ]);
    }

    [Fact]
    public void Amendment_ChangesWhatItNames_FromItsDate_AndRevocationEndsEverything()
    {
        Then("policy:p", [
                Event("e1", "2023-01-01", Tariff with { Jurisdiction = "US", Products = ["magnet"] }),
                Event("a1", "2024-01-01", new PolicyAmended("p", Title: "Magnet tariff II", BeneficiaryIds: ["beta"])),
                Event("v1", "2025-01-01", new PolicyRevoked("p"))],
            [new Policy("p", Day("2023-01-01"), ["e1", "a1", "v1"], "US", PolicyKind.ImportTariff, "Magnet tariff II", PolicyStatus.Revoked, Day("2025-01-01"),
                ["magnet"], ["beta"], ["CN"])],
            [
                new EnactedBy("p", Labels.Country, "US", Day("2023-01-01"), Day("2025-01-01"), ["e1", "v1"]),
                new Covers("p", Labels.Category, "magnet", Day("2023-01-01"), Day("2025-01-01"), ["e1"]),
                new Benefits("p", "acme", Day("2023-01-01"), Day("2024-01-01"), ["e1"]),
                new Benefits("p", "beta", Day("2024-01-01"), Day("2025-01-01"), ["a1"]),
                new Targets("p", "CN", Day("2023-01-01"), Day("2025-01-01"), ["e1"]),
            ]);
    }
}
