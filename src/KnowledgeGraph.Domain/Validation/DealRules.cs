using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Domain.Validation;

internal static class DealRules
{
    public static void InvestmentMade(InvestmentMade e, Checks checks)
    {
        NewDeal(e.DealId, checks);
        checks.Organization("investorId", e.InvestorId);
        checks.Organization("targetId", e.TargetId);
        if (e.InvestorId == e.TargetId)
        {
            checks.Fail("targetId", "an organization cannot invest in itself");
        }
        checks.OneOf("instrument", e.Instrument, Vocabularies.InvestmentInstruments, "instrument");
        checks.OneOf("status", e.Status, Vocabularies.InvestmentStatusesAtStart, "investment status");
        checks.NotNegative("amount", e.Amount);
        if (e.Currency is not null && (e.Currency.Length != 3 || !e.Currency.All(char.IsAsciiLetterUpper)))
        {
            checks.Fail("currency", $"must be an ISO 4217 code such as USD, not '{e.Currency}'");
        }
        if (e.StakePercent is { } stake && (stake <= 0 || stake > 100))
        {
            checks.Fail("stakePercent", $"must be above 0 and at most 100, not {stake}");
        }
    }

    public static void InvestmentStatusChanged(InvestmentStatusChanged e, Checks checks)
    {
        checks.OneOf("status", e.Status, Vocabularies.InvestmentStatusChanges, "investment status");
        if (Existing(e.DealId, DealKind.Investment, checks) is not { } deal)
        {
            return;
        }
        var reason = (deal.Status, e.Status) switch
        {
            ("cancelled", _) => "is cancelled; a cancelled investment cannot change status",
            ("completed", _) => "is already completed",
            (var from, var to) when from == to => $"is already {from}",
            _ => null,
        };
        if (reason is not null)
        {
            checks.Fail("status", $"investment '{e.DealId}' {reason}");
        }
    }

    public static void StakeChanged(StakeChanged e, Checks checks)
    {
        if (e.StakePercent is < 0 or > 100)
        {
            checks.Fail("stakePercent", $"must be from 0 (sold) to 100, not {e.StakePercent}");
        }
        if (Existing(e.DealId, DealKind.Investment, checks) is not { } deal)
        {
            return;
        }
        (string Field, string Reason)? problem = deal switch
        {
            { Instrument: var i } when !Vocabularies.OwnershipInstruments.Contains(i ?? "") =>
                ("dealId", $"is {WithArticle(i)}; only equity and acquisition stakes change"),
            { Status: not "completed" } => ("dealId", $"is {deal.Status}; a stake changes only once the investment is completed"),
            { StakePercent: 0 } => ("dealId", "was sold (stake 0); a new purchase is a new investment"),
            { StakePercent: var current } when current == e.StakePercent => ("stakePercent", $"already has a stake of {current} %"),
            _ => null,
        };
        if (problem is var (field, reason))
        {
            checks.Fail(field, $"investment '{e.DealId}' {reason}");
        }
    }

    public static void PartnershipStatusChanged(PartnershipStatusChanged e, Checks checks)
    {
        checks.OneOf("status", e.Status, Vocabularies.PartnershipStatusChanges, "partnership status");
        if (Existing(e.DealId, DealKind.Partnership, checks) is not { } deal || !Vocabularies.PartnershipStatusChanges.Contains(e.Status))
        {
            return;
        }
        var order = Vocabularies.PartnershipStatusOrder;
        int Rank(string status) => order.ToList().IndexOf(status);
        if (deal.Ended)
        {
            checks.Fail("dealId", $"partnership '{e.DealId}' has ended");
        }
        else if (Rank(e.Status) <= Rank(deal.Status))
        {
            checks.Fail("status", $"partnership '{e.DealId}' is {deal.Status}; its status only moves forward ({string.Join(" -> ", order)})");
        }
    }

    public static void SupplyAgreementStatusChanged(SupplyAgreementStatusChanged e, Checks checks)
    {
        checks.OneOf("status", e.Status, Vocabularies.SupplyStatusChanges, "supply agreement status");
        if (Existing(e.DealId, DealKind.SupplyAgreement, checks) is not { } deal)
        {
            return;
        }
        if (deal.Ended)
        {
            checks.Fail("dealId", $"supply agreement '{e.DealId}' has ended");
        }
        else if (deal.Status != "proposed")
        {
            checks.Fail("status", $"supply agreement '{e.DealId}' is already {deal.Status}; only a proposed agreement can be signed");
        }
    }

    public static void PartnershipFormed(PartnershipFormed e, Checks checks)
    {
        NewDeal(e.DealId, checks);
        checks.Organizations("partyIds", e.PartyIds);
        if (e.PartyIds.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            checks.Fail("partyIds", "a partnership needs at least two distinct organizations");
        }
        checks.OneOf("kind", e.Kind, Vocabularies.PartnershipKinds, "partnership kind");
        checks.OneOf("status", e.Status, Vocabularies.PartnershipStatuses, "partnership status");
        checks.ProductsOrCategories("products", e.Products);
    }

    public static void SupplyAgreementSigned(SupplyAgreementSigned e, Checks checks)
    {
        NewDeal(e.DealId, checks);
        checks.Organization("supplierId", e.SupplierId);
        checks.Organization("buyerId", e.BuyerId);
        if (e.SupplierId == e.BuyerId)
        {
            checks.Fail("buyerId", "the buyer cannot be the supplier");
        }
        checks.Product("product", e.Product);
        checks.OneOf("status", e.Status, Vocabularies.SupplyStatuses, "supply agreement status");
        checks.NotNegative("volumeTonnesPerYear", e.VolumeTonnesPerYear);
        if (e is { StartDate: { } start, EndDate: { } end } && end <= start)
        {
            checks.Fail("endDate", $"must be after startDate ({Dates.Format(start)}), not {Dates.Format(end)}");
        }
    }

    public static void Ended(string dealId, DealKind kind, Checks checks)
    {
        if (Existing(dealId, kind, checks) is { Ended: true })
        {
            checks.Fail("dealId", $"deal '{dealId}' has already ended");
        }
    }

    private static void NewDeal(string dealId, Checks checks)
    {
        if (checks.Slug("dealId", dealId) && checks.World.Deal(dealId) is { } existing)
        {
            checks.Fail("dealId", $"deal '{dealId}' already exists ({WithArticle(existing.Kind)})");
        }
    }

    private static DealState? Existing(string dealId, DealKind kind, Checks checks)
    {
        if (!checks.Slug("dealId", dealId))
        {
            return null;
        }
        var deal = checks.World.Deal(dealId);
        if (deal is null)
        {
            checks.Fail("dealId", $"unknown {Describe(kind)} '{dealId}'");
            return null;
        }
        if (deal.Kind != kind)
        {
            checks.Fail("dealId", $"deal '{dealId}' is {WithArticle(deal.Kind)}, not {WithArticle(kind)}");
            return null;
        }
        return deal;
    }

    private static string WithArticle(string? instrument) => instrument is null ? "an investment of no instrument"
        : $"{("aeiou".Contains(instrument[0], StringComparison.Ordinal) ? "an" : "a")} {instrument}";

    private static string WithArticle(DealKind kind) => kind == DealKind.Investment ? "an investment" : $"a {Describe(kind)}";

    private static string Describe(DealKind kind) => kind switch
    {
        DealKind.Investment => "investment",
        DealKind.Partnership => "partnership",
        _ => "supply agreement",
    };
}
