using System.Globalization;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Tests.FoldTable;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>A policy's stream: enacted by a country or bloc, covering, benefiting and targeting, amended until revoked, its node versioned in world time.</summary>
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
    public void Amendment_ChangesTitleAndWhatItNames_FromItsDate_AndRevocationEndsEverything_FromItsOwn()
    {
        Then("policy:p", [
                Event("e1", "2023-01-01", Tariff with { Jurisdiction = "US", Products = ["magnet"] }),
                Event("a1", "2024-01-01", new PolicyAmended("p", Title: "Magnet tariff II", BeneficiaryIds: ["beta"])),
                Event("v1", "2025-01-01", new PolicyRevoked("p"))],
            [
                new Policy("p", Day("2023-01-01"), ["e1"], "US", PolicyKind.ImportTariff, "Magnet tariff", PolicyStatus.InForce, null,
                    ["magnet"], ["acme"], ["CN"]) { AttributesTo = Day("2024-01-01") },
                new Policy("p", Day("2023-01-01"), ["e1", "a1"], "US", PolicyKind.ImportTariff, "Magnet tariff II", PolicyStatus.InForce, null,
                    ["magnet"], ["beta"], ["CN"]) { AttributesFrom = Day("2024-01-01"), AttributesTo = Day("2025-01-01") },
                new Policy("p", Day("2023-01-01"), ["e1", "a1", "v1"], "US", PolicyKind.ImportTariff, "Magnet tariff II", PolicyStatus.Revoked, Day("2025-01-01"),
                    ["magnet"], ["beta"], ["CN"]) { AttributesFrom = Day("2025-01-01") },
            ],
            [
                new EnactedBy("p", Labels.Country, "US", Day("2023-01-01"), Day("2025-01-01"), ["e1", "v1"]),
                new Covers("p", Labels.Category, "magnet", Day("2023-01-01"), Day("2025-01-01"), ["e1"]),
                new Benefits("p", "acme", Day("2023-01-01"), Day("2024-01-01"), ["e1"]),
                new Benefits("p", "beta", Day("2024-01-01"), Day("2025-01-01"), ["a1"]),
                new Targets("p", "CN", Day("2023-01-01"), Day("2025-01-01"), ["e1"]),
            ]);
    }

    [Fact]
    public void AmendmentsRecordedOutOfOrder_VersionTheTitleInWorldTimeOrder()
    {
        // The amendment of 2025 is recorded before the one of 2024.
        Then("policy:p", [
                Event("e1", "2023-01-01", Tariff),
                Event("a2", "2025-01-01", new PolicyAmended("p", Title: "Magnet tariff III")),
                Event("a1", "2024-01-01", new PolicyAmended("p", Title: "Magnet tariff II", TargetCountries: ["CN", "MM"]))],
            [
                new Policy("p", Day("2023-01-01"), ["e1"], "EU", PolicyKind.ImportTariff, "Magnet tariff", PolicyStatus.InForce, null,
                    ["magnet", "ndpr-oxide"], ["acme"], ["CN"]) { AttributesTo = Day("2024-01-01") },
                new Policy("p", Day("2023-01-01"), ["e1", "a1"], "EU", PolicyKind.ImportTariff, "Magnet tariff II", PolicyStatus.InForce, null,
                    ["magnet", "ndpr-oxide"], ["acme"], ["CN", "MM"]) { AttributesFrom = Day("2024-01-01"), AttributesTo = Day("2025-01-01") },
                new Policy("p", Day("2023-01-01"), ["e1", "a1", "a2"], "EU", PolicyKind.ImportTariff, "Magnet tariff III", PolicyStatus.InForce, null,
                    ["magnet", "ndpr-oxide"], ["acme"], ["CN", "MM"]) { AttributesFrom = Day("2025-01-01") },
            ],
            [
                new EnactedBy("p", Labels.Bloc, "EU", Day("2023-01-01"), null, ["e1"]),
                new Covers("p", Labels.Category, "magnet", Day("2023-01-01"), null, ["e1"]),
                new Covers("p", Labels.Product, "ndpr-oxide", Day("2023-01-01"), null, ["e1"]),
                new Benefits("p", "acme", Day("2023-01-01"), null, ["e1"]),
                new Targets("p", "CN", Day("2023-01-01"), null, ["e1"]),
                new Targets("p", "MM", Day("2024-01-01"), null, ["a1"]),
            ]);
    }

    [Fact]
    public void RetractedAmendment_IsBelievedUntilItsRetraction_ThenTheTitleIsAsEnacted_UntilTheNextAmendment()
    {
        StreamEvent[] events = [
            Event("e1", "2023-01-01", Tariff),
            Event("a1", "2024-01-01", new PolicyAmended("p", Title: "Magnet tariff II")),
            Event("x1", "2024-02-01", new EventRetracted("a1", "misreported")),
            Event("a2", "2024-06-01", new PolicyAmended("p", Title: "Magnet tariff 2024"))];
        var (enacted, amended, retracted, amendedAgain) = (events[0].Sequence, events[1].Sequence, events[2].Sequence, events[3].Sequence);

        var versions = Fold("policy:p", events).Nodes.OfType<Policy>()
            .Select(p => (p.RecordedFrom, Text: string.Create(CultureInfo.InvariantCulture,
                $"{p.Title} {Range(p.AttributesFrom, p.AttributesTo)} [{string.Join(',', p.EventIds)}] known {p.RecordedFrom}..{p.RecordedTo?.ToString(CultureInfo.InvariantCulture) ?? "now"}")))
            .OrderBy(v => v.RecordedFrom).ThenBy(v => v.Text, StringComparer.Ordinal).Select(v => v.Text);

        Assert.Equal(
        [
            $"Magnet tariff start..open [e1] known {enacted}..{amended}",
            $"Magnet tariff II 2024-01-01..open [e1,a1] known {amended}..{retracted}",
            $"Magnet tariff start..2024-01-01 [e1] known {amended}..{retracted}",
            $"Magnet tariff start..open [e1] known {retracted}..{amendedAgain}",
            $"Magnet tariff 2024 2024-06-01..open [e1,a2] known {amendedAgain}..now",
            $"Magnet tariff start..2024-06-01 [e1] known {amendedAgain}..now",
        ], versions);
    }

    private static string Range(DateOnly? from, DateOnly? to) =>
        $"{from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}..{to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open"}";
}
