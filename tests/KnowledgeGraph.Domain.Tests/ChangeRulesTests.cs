using KnowledgeGraph.Domain.Validation;
using static KnowledgeGraph.Domain.Tests.Given;

namespace KnowledgeGraph.Domain.Tests;

/// <summary>The rules of the events that change a registered facility or deal: FacilityUpdated and the status and stake changes.</summary>
public class ChangeRulesTests
{
    private static readonly string MountainPass = Line("FacilityRegistered", new
    {
        facilityId = "mountain-pass",
        name = "Mountain Pass",
        operatorId = "mp-materials",
        country = "US",
        stage = "separation",
        status = "under-construction",
    });

    private static string ProposedSupply(string status = "proposed") =>
        Line("SupplyAgreementSigned", new { dealId = "mp-gm", supplierId = "mp-materials", buyerId = "general-motors", product = "ndfeb-magnet", status });

    private static string Partnership(string status) =>
        Line("PartnershipFormed", new { dealId = "mp-jl", partyIds = new[] { "mp-materials", "jl-mag" }, kind = "mou", status });

    private static string Stake(string instrument = "equity", string status = "completed", decimal? stake = 10) =>
        Line("InvestmentMade", new { dealId = "gm-mp", investorId = "general-motors", targetId = "mp-materials", instrument, status, stakePercent = stake });

    private static string StakeChange(decimal stakePercent) => Line("StakeChanged", new { dealId = "gm-mp", stakePercent });

    [Fact]
    public void Rules_Accept_EveryChangeInItsPlace()
    {
        var world = Firms(MountainPass, ProposedSupply(), Partnership("proposed"), Stake(),
            Line("FacilityUpdated", new { facilityId = "mountain-pass", capacityTonnesPerYear = 1000, products = new[] { "ndpr-oxide" } }),
            Line("SupplyAgreementStatusChanged", new { dealId = "mp-gm", status = "signed" }),
            Line("PartnershipStatusChanged", new { dealId = "mp-jl", status = "announced" }),
            Line("PartnershipStatusChanged", new { dealId = "mp-jl", status = "active" }),
            StakeChange(25), StakeChange(0));
        Assert.Equal(13, world.EventCount);
    }

    [Fact]
    public void FacilityUpdate_IsRejected_WhenItChangesNothing() =>
        Assert.Equal(new Problem("data.facilityId", "an update must change at least one of name, stage, products, capacityTonnesPerYear"),
            Single(Firms(MountainPass), Line("FacilityUpdated", new { facilityId = "mountain-pass" })));

    [Fact]
    public void FacilityUpdate_IsRejected_ForAnUnknownFacilityStageOrProduct()
    {
        Assert.Equal(new Problem("data.facilityId", "unknown facility 'round-top'"),
            Single(Firms(), Line("FacilityUpdated", new { facilityId = "round-top", name = "Round Top" })));
        var problems = Problems(Firms(MountainPass), Line("FacilityUpdated", new { facilityId = "mountain-pass", stage = "smelting", products = new[] { "gold" }, capacityTonnesPerYear = -1 }));
        Assert.Equal(["data.stage", "data.products[0]", "data.capacityTonnesPerYear"], problems.Select(p => p.Field));
    }

    [Fact]
    public void SupplyAgreementStatus_ChangesOnlyFromProposedToSigned()
    {
        Assert.Equal(new Problem("data.status", "supply agreement 'mp-gm' is already signed; only a proposed agreement can be signed"),
            Single(Firms(ProposedSupply("signed")), Line("SupplyAgreementStatusChanged", new { dealId = "mp-gm", status = "signed" })));
        Assert.Equal("data.status", Single(Firms(ProposedSupply()), Line("SupplyAgreementStatusChanged", new { dealId = "mp-gm", status = "proposed" })).Field);
    }

    [Fact]
    public void SupplyAgreementStatus_CannotChangeAfterItsEnding() =>
        Assert.Equal(new Problem("data.dealId", "supply agreement 'mp-gm' has ended"),
            Single(Firms(ProposedSupply(), Line("SupplyAgreementEnded", new { dealId = "mp-gm" })), Line("SupplyAgreementStatusChanged", new { dealId = "mp-gm", status = "signed" })));

    [Fact]
    public void PartnershipStatus_OnlyMovesForward() =>
        Assert.Equal(new Problem("data.status", "partnership 'mp-jl' is active; its status only moves forward (proposed -> announced -> active)"),
            Single(Firms(Partnership("active")), Line("PartnershipStatusChanged", new { dealId = "mp-jl", status = "announced" })));

    [Fact]
    public void PartnershipStatus_IsRejected_OnAnotherKindOfDeal() =>
        Assert.Equal("deal 'mp-gm' is a supply agreement, not a partnership",
            Single(Firms(ProposedSupply()), Line("PartnershipStatusChanged", new { dealId = "mp-gm", status = "active" })).Reason);

    [Theory]
    [InlineData("loan", "completed", "investment 'gm-mp' is a loan; only equity and acquisition stakes change")]
    [InlineData("equity", "announced", "investment 'gm-mp' is announced; a stake changes only once the investment is completed")]
    public void Stake_ChangesOnlyOnACompletedEquityOrAcquisition(string instrument, string status, string reason) =>
        Assert.Equal(new Problem("data.dealId", reason), Single(Firms(Stake(instrument, status)), StakeChange(20)));

    [Fact]
    public void Stake_CannotChangeAfterItWasSold_OrToItsOwnValue()
    {
        Assert.Equal(new Problem("data.dealId", "investment 'gm-mp' was sold (stake 0); a new purchase is a new investment"),
            Single(Firms(Stake(), StakeChange(0)), StakeChange(5)));
        Assert.Equal(new Problem("data.stakePercent", "investment 'gm-mp' already has a stake of 10 %"), Single(Firms(Stake()), StakeChange(10)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void Stake_IsFromZeroToHundred(decimal stake) =>
        Assert.Equal(new Problem("data.stakePercent", $"must be from 0 (sold) to 100, not {stake}"), Single(Firms(Stake()), StakeChange(stake)));
}
