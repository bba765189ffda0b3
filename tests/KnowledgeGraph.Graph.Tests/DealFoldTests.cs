using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Tests.FoldTable;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>A deal's stream: its node versioned in world time by each status change, stake change and ending, with its relationships.</summary>
public class DealFoldTests
{
    [Fact]
    public void SupplyAgreement_ShowsProposed_ThenSigned_ThenEnded_EachFromItsOwnDate()
    {
        Then("deal:d", [
                Event("e1", "2024-05-01", new SupplyAgreementSigned("d", "a", "b", "ndfeb-magnet", "proposed", 120, StartDate: Day("2024-09-01"))),
                Event("e2", "2025-02-01", new SupplyAgreementStatusChanged("d", "signed")),
                Event("e3", "2027-03-01", new SupplyAgreementEnded("d", "dispute"))],
            [
                new SupplyAgreement("d", Day("2024-05-01"), ["e1"], DealStatus.Proposed, "a", "b", "ndfeb-magnet", "magnet", 120,
                    Day("2024-09-01"), null, null, null) { AttributesTo = Day("2025-02-01") },
                new SupplyAgreement("d", Day("2024-05-01"), ["e1", "e2"], DealStatus.Signed, "a", "b", "ndfeb-magnet", "magnet", 120,
                    Day("2024-09-01"), null, null, null) { AttributesFrom = Day("2025-02-01"), AttributesTo = Day("2027-03-01") },
                new SupplyAgreement("d", Day("2024-05-01"), ["e1", "e2", "e3"], DealStatus.Ended, "a", "b", "ndfeb-magnet", "magnet", 120,
                    Day("2024-09-01"), null, Day("2027-03-01"), "dispute") { AttributesFrom = Day("2027-03-01") },
            ],
            [
                new Supplies("a", "b", Day("2024-09-01"), Day("2025-02-01"), ["e1", "e2"], "d", "ndfeb-magnet", "magnet", DealStatus.Proposed, 120),
                new Supplies("a", "b", Day("2025-02-01"), Day("2027-03-01"), ["e1", "e2", "e3"], "d", "ndfeb-magnet", "magnet", DealStatus.Signed, 120),
                new PartyTo("a", "d", Day("2024-05-01"), Day("2027-03-01"), ["e1", "e3"], DealRole.Supplier),
                new PartyTo("b", "d", Day("2024-05-01"), Day("2027-03-01"), ["e1", "e3"], DealRole.Buyer),
            ]);
    }

    [Fact]
    public void Investment_ShowsItsStatusAndStake_AsTheyWereAtEachDate()
    {
        Then("deal:i", [
                Event("e1", "2024-01-10", new InvestmentMade("i", "a", "b", "equity", "announced", 9_000_000, "EUR", 51)),
                Event("e2", "2024-06-30", new InvestmentStatusChanged("i", "completed")),
                Event("e3", "2026-01-01", new StakeChanged("i", 0))],
            [
                new Investment("i", Day("2024-01-10"), ["e1"], DealStatus.Announced, InvestmentInstrument.Equity, "a", "b", 9_000_000, "EUR", 51)
                    { AttributesTo = Day("2024-06-30") },
                new Investment("i", Day("2024-01-10"), ["e1", "e2"], DealStatus.Completed, InvestmentInstrument.Equity, "a", "b", 9_000_000, "EUR", 51)
                    { AttributesFrom = Day("2024-06-30"), AttributesTo = Day("2026-01-01") },
                new Investment("i", Day("2024-01-10"), ["e1", "e2", "e3"], DealStatus.Completed, InvestmentInstrument.Equity, "a", "b", 9_000_000, "EUR", 0)
                    { AttributesFrom = Day("2026-01-01") },
            ],
            [
                new InvestedIn("a", "b", Day("2024-01-10"), Day("2024-06-30"), ["e1", "e2"], "i", DealStatus.Announced, InvestmentInstrument.Equity, 51, 9_000_000, "EUR"),
                new InvestedIn("a", "b", Day("2024-06-30"), null, ["e2"], "i", DealStatus.Completed, InvestmentInstrument.Equity, 51, 9_000_000, "EUR"),
                new Owns("a", "b", Day("2024-06-30"), Day("2026-01-01"), ["e2", "e3"], "i", 51),
                new PartyTo("a", "i", Day("2024-01-10"), null, ["e1"], DealRole.Investor),
                new PartyTo("b", "i", Day("2024-01-10"), null, ["e1"], DealRole.Target),
            ]);
    }

    [Fact]
    public void Partnership_StatusRecordedAfterItsEnding_TakesItsPlaceInWorldTime_AndTheEndingHoldsFromItsDate()
    {
        // Active from 2024 is recorded after the ending of 2025: world time decides the order of the versions.
        Then("deal:p", [
                Event("e1", "2023-01-01", new PartnershipFormed("p", ["a", "b"], "joint-venture", "proposed", ["ndfeb-magnet"])),
                Event("e2", "2023-06-01", new PartnershipStatusChanged("p", "announced")),
                Event("e3", "2025-01-01", new PartnershipEnded("p", "merger")),
                Event("e4", "2024-01-01", new PartnershipStatusChanged("p", "active"))],
            [
                new Partnership("p", Day("2023-01-01"), ["e1"], DealStatus.Proposed, PartnershipKind.JointVenture, ["a", "b"], ["ndfeb-magnet"], null, null)
                    { AttributesTo = Day("2023-06-01") },
                new Partnership("p", Day("2023-01-01"), ["e1", "e2"], DealStatus.Announced, PartnershipKind.JointVenture, ["a", "b"], ["ndfeb-magnet"], null, null)
                    { AttributesFrom = Day("2023-06-01"), AttributesTo = Day("2024-01-01") },
                new Partnership("p", Day("2023-01-01"), ["e1", "e2", "e4"], DealStatus.Active, PartnershipKind.JointVenture, ["a", "b"], ["ndfeb-magnet"], null, null)
                    { AttributesFrom = Day("2024-01-01"), AttributesTo = Day("2025-01-01") },
                new Partnership("p", Day("2023-01-01"), ["e1", "e2", "e4", "e3"], DealStatus.Ended, PartnershipKind.JointVenture, ["a", "b"], ["ndfeb-magnet"],
                    Day("2025-01-01"), "merger") { AttributesFrom = Day("2025-01-01") },
            ],
            [
                new PartyTo("a", "p", Day("2023-01-01"), Day("2025-01-01"), ["e1", "e3"], DealRole.Party),
                new PartyTo("b", "p", Day("2023-01-01"), Day("2025-01-01"), ["e1", "e3"], DealRole.Party),
            ]);
    }

    [Fact]
    public void CancelledInvestment_ShowsItsEarlierStatusBeforeTheCancellation()
    {
        Then("deal:i", [
                Event("e1", "2023-01-01", new InvestmentMade("i", "a", "b", "loan", "proposed")),
                Event("e2", "2023-09-01", new InvestmentStatusChanged("i", "cancelled"))],
            [
                new Investment("i", Day("2023-01-01"), ["e1"], DealStatus.Proposed, InvestmentInstrument.Loan, "a", "b", null, null, null)
                    { AttributesTo = Day("2023-09-01") },
                new Investment("i", Day("2023-01-01"), ["e1", "e2"], DealStatus.Cancelled, InvestmentInstrument.Loan, "a", "b", null, null, null)
                    { AttributesFrom = Day("2023-09-01") },
            ],
            [
                new InvestedIn("a", "b", Day("2023-01-01"), Day("2023-09-01"), ["e1", "e2"], "i", DealStatus.Proposed, InvestmentInstrument.Loan, null, null, null),
                new InvestedIn("a", "b", Day("2023-09-01"), null, ["e2"], "i", DealStatus.Cancelled, InvestmentInstrument.Loan, null, null, null),
                new PartyTo("a", "i", Day("2023-01-01"), null, ["e1"], DealRole.Investor),
                new PartyTo("b", "i", Day("2023-01-01"), null, ["e1"], DealRole.Target),
            ]);
    }
}
