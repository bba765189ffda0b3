using KnowledgeGraph.Domain.Validation;
using static KnowledgeGraph.Domain.Tests.Given;

namespace KnowledgeGraph.Domain.Tests;

public class EventRulesTests
{
    private static string Supply(string supplierId = "jl-mag", string buyerId = "general-motors", string product = "ndfeb-magnet",
        string dealId = "jl-gm", string? startDate = null, string? endDate = null, decimal? volume = null) =>
        Line("SupplyAgreementSigned", new { dealId, supplierId, buyerId, product, status = "signed", startDate, endDate, volumeTonnesPerYear = volume });

    private static string Investment(string investorId = "general-motors", string targetId = "mp-materials", string dealId = "gm-mp",
        string status = "announced", decimal? stake = null, decimal? amount = null, string? currency = null) =>
        Line("InvestmentMade", new { dealId, investorId, targetId, instrument = "equity", status, stakePercent = stake, amount, currency });

    [Fact]
    public void Rules_Accept_ValidEventsOfEveryKind()
    {
        var world = Firms(
            Line("FacilityRegistered", new { facilityId = "mountain-pass", name = "Mountain Pass", operatorId = "mp-materials", country = "US", stage = "mining", status = "operating", products = new[] { "re-concentrate" }, capacityTonnesPerYear = 40000 }),
            Supply(startDate: "2025-01-01", endDate: "2030-01-01", volume: 1000),
            Investment(stake: 10, amount: 35_000_000, currency: "USD"),
            Line("PartnershipFormed", new { dealId = "mp-gm-jv", partyIds = new[] { "mp-materials", "general-motors" }, kind = "joint-venture", status = "active", products = new[] { "magnet" } }),
            Line("PolicyEnacted", new { policyId = "cn-export-2025", jurisdiction = "CN", kind = "export-control", title = "Export controls", products = new[] { "dy-oxide" }, targetCountries = new[] { "US" } }),
            Line("PolicyEnacted", new { policyId = "eu-crma", jurisdiction = "EU", kind = "strategic-project", title = "CRMA", beneficiaryIds = new[] { "mp-materials" } }),
            Line("BlocJoined", new { country = "SE", bloc = "NATO" }),
            Line("OrganizationUpdated", new { orgId = "general-motors", consumes = new[] { "ndfeb-magnet", "magnet" } }));
        Assert.Equal(11, world.EventCount);
    }

    [Fact]
    public void Rules_Reject_UnknownCountry() =>
        Assert.Equal(new Problem("data.country", "unknown country 'XX' (ISO 3166-1 alpha-2, e.g. FR)"), Single(new World(), Org("acme", "XX")));

    [Fact]
    public void Rules_Reject_UnknownBloc() =>
        Assert.Equal("data.bloc", Single(new World(), Line("BlocJoined", new { country = "SE", bloc = "WARSAW" })).Field);

    [Fact]
    public void Rules_Reject_UnknownProduct() =>
        Assert.Equal(new Problem("data.product", "unknown product 'unobtainium'"), Single(Firms(), Supply(product: "unobtainium")));

    [Fact]
    public void Rules_Reject_CategoryWhereAProductIsNeeded() =>
        Assert.Contains("a category", Single(Firms(), Supply(product: "magnet")).Reason);

    [Fact]
    public void Rules_Reject_UnknownStage() =>
        Assert.Equal("data.stages[1]", Single(new World(), Line("OrganizationRegistered", new { orgId = "acme", name = "Acme", country = "US", kind = "company", stages = new[] { "magnet", "smelting" } })).Field);

    [Fact]
    public void Rules_Reject_UnknownOrganizationKind() =>
        Assert.Equal("data.kind", Single(new World(), Line("OrganizationRegistered", new { orgId = "acme", name = "Acme", country = "US", kind = "charity" })).Field);

    [Theory]
    [InlineData("MP-Materials")]
    [InlineData("-mp")]
    [InlineData("mp_materials")]
    public void Rules_Reject_MalformedSlug(string slug) =>
        Assert.Contains("is not a slug", Single(new World(), Org(slug)).Reason);

    [Fact]
    public void Rules_Reject_ReferenceToUnknownOrganization() =>
        Assert.Equal(new Problem("data.buyerId", "unknown organization 'tesla'"), Single(Firms(), Supply(buyerId: "tesla")));

    [Fact]
    public void Rules_Reject_ReferenceToUnknownFacility() =>
        Assert.Equal(new Problem("data.facilityId", "unknown facility 'round-top'"), Single(Firms(), Line("FacilityStatusChanged", new { facilityId = "round-top", status = "operating" })));

    [Fact]
    public void Rules_Reject_ReferenceToUnknownDeal() =>
        Assert.Equal(new Problem("data.dealId", "unknown supply agreement 'nope'"), Single(Firms(), Line("SupplyAgreementEnded", new { dealId = "nope" })));

    [Fact]
    public void Rules_Reject_ReferenceToUnknownPolicy() =>
        Assert.Equal(new Problem("data.policyId", "unknown policy 'ira'"), Single(Firms(), Line("PolicyRevoked", new { policyId = "ira" })));

    [Fact]
    public void Rules_Reject_RetractionOfUnknownEvent() =>
        Assert.Equal(new Problem("data.eventId", "unknown event 'evt-none'"), Single(Firms(), Line("EventRetracted", new { eventId = "evt-none", reason = "typo" })));

    [Fact]
    public void Rules_Reject_SupplierEqualToBuyer() =>
        Assert.Equal(new Problem("data.buyerId", "the buyer cannot be the supplier"), Single(Firms(), Supply(buyerId: "jl-mag")));

    [Fact]
    public void Rules_Reject_InvestorEqualToTarget() =>
        Assert.Equal(new Problem("data.targetId", "an organization cannot invest in itself"), Single(Firms(), Investment(targetId: "general-motors")));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    public void Rules_Reject_StakeOutsideZeroToHundred(decimal stake) =>
        Assert.Equal("data.stakePercent", Single(Firms(), Investment(stake: stake)).Field);

    [Fact]
    public void Rules_Accept_StakeOfExactlyHundred() => Assert.Empty(Problems(Firms(), Investment(stake: 100)));

    [Fact]
    public void Rules_Reject_NegativeAmount() =>
        Assert.Equal("data.amount", Single(Firms(), Investment(amount: -1)).Field);

    [Fact]
    public void Rules_Reject_NegativeVolume() =>
        Assert.Equal("data.volumeTonnesPerYear", Single(Firms(), Supply(volume: -10)).Field);

    [Fact]
    public void Rules_Reject_MalformedCurrency() =>
        Assert.Equal("data.currency", Single(Firms(), Investment(amount: 5, currency: "dollars")).Field);

    [Fact]
    public void Rules_Reject_EndDateBeforeStartDate() =>
        Assert.Equal(new Problem("data.endDate", "must be after startDate (2026-01-01), not 2025-06-30"),
            Single(Firms(), Supply(startDate: "2026-01-01", endDate: "2025-06-30")));

    [Fact]
    public void Rules_Reject_CompletingACancelledInvestment()
    {
        var world = Firms(Investment(), Line("InvestmentStatusChanged", new { dealId = "gm-mp", status = "cancelled" }));
        var problem = Single(world, Line("InvestmentStatusChanged", new { dealId = "gm-mp", status = "completed" }));
        Assert.Equal(new Problem("data.status", "investment 'gm-mp' is cancelled; a cancelled investment cannot change status"), problem);
    }

    [Fact]
    public void Rules_Reject_StatusChangeToTheSameStatus() =>
        Assert.Contains("is already announced", Single(Firms(Investment()), Line("InvestmentStatusChanged", new { dealId = "gm-mp", status = "announced" })).Reason);

    [Fact]
    public void Rules_Reject_EndingADealTwice()
    {
        var world = Firms(Supply(), Line("SupplyAgreementEnded", new { dealId = "jl-gm", reason = "export controls" }));
        Assert.Equal(new Problem("data.dealId", "deal 'jl-gm' has already ended"), Single(world, Line("SupplyAgreementEnded", new { dealId = "jl-gm" })));
    }

    [Fact]
    public void Rules_Reject_StatusChangeOnADealOfAnotherKind() =>
        Assert.Equal("deal 'jl-gm' is a supply agreement, not an investment",
            Single(Firms(Supply()), Line("InvestmentStatusChanged", new { dealId = "jl-gm", status = "completed" })).Reason);

    [Fact]
    public void Rules_Reject_ReusingADealId() =>
        Assert.Contains("already exists", Single(Firms(Supply()), Investment(dealId: "jl-gm")).Reason);

    [Fact]
    public void Rules_Reject_JoiningABlocOneIsAlreadyIn()
    {
        var world = World(Line("BlocJoined", new { country = "SE", bloc = "NATO" }));
        Assert.Equal(new Problem("data.bloc", "SE is already a member of NATO"), Single(world, Line("BlocJoined", new { country = "SE", bloc = "NATO" })));
    }

    [Fact]
    public void Rules_Reject_LeavingABlocOneIsNotIn() =>
        Assert.Equal(new Problem("data.bloc", "GB is not a member of EU"), Single(new World(), Line("BlocLeft", new { country = "GB", bloc = "EU" })));

    [Fact]
    public void Rules_Reject_RegisteringAnOrganizationTwice() =>
        Assert.Equal(new Problem("data.orgId", "organization 'jl-mag' is already registered"), Single(Firms(), Org("jl-mag", "CN")));

    [Fact]
    public void Rules_Reject_PartnershipWithFewerThanTwoDistinctParties() =>
        Assert.Equal("data.partyIds", Single(Firms(), Line("PartnershipFormed", new { dealId = "solo", partyIds = new[] { "jl-mag", "jl-mag" }, kind = "mou", status = "announced" })).Field);

    [Fact]
    public void Rules_Reject_UpdateThatChangesNothing() =>
        Assert.Contains("at least one", Single(Firms(), Line("OrganizationUpdated", new { orgId = "jl-mag" })).Reason);

    [Fact]
    public void Rules_Reject_AmendingARevokedPolicy()
    {
        var world = World(
            Line("PolicyEnacted", new { policyId = "p1", jurisdiction = "US", kind = "tax-credit", title = "Credit" }),
            Line("PolicyRevoked", new { policyId = "p1" }));
        Assert.Equal(new Problem("data.policyId", "policy 'p1' is already revoked"), Single(world, Line("PolicyAmended", new { policyId = "p1", title = "New" })));
    }

    [Fact]
    public void Rules_Reject_RetractingTwice()
    {
        var world = World(Line("BlocJoined", new { country = "SE", bloc = "NATO" }, id: "evt-x"),
            Line("EventRetracted", new { eventId = "evt-x", reason = "wrong" }, id: "evt-r1"));
        Assert.Contains("already retracted by 'evt-r1'", Single(world, Line("EventRetracted", new { eventId = "evt-x", reason = "again" })).Reason);
    }

    [Fact]
    public void Rules_Reject_ReferenceToARetractedOrganization()
    {
        var world = Firms(Line("OrganizationRegistered", new { orgId = "ghost", name = "Ghost", country = "US", kind = "company" }, id: "evt-ghost"),
            Line("EventRetracted", new { eventId = "evt-ghost", reason = "never existed" }));
        Assert.Equal(new Problem("data.buyerId", "unknown organization 'ghost'"), Single(world, Supply(buyerId: "ghost")));
    }
}
