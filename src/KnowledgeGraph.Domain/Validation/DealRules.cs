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

    private static string WithArticle(DealKind kind) => kind == DealKind.Investment ? "an investment" : $"a {Describe(kind)}";

    private static string Describe(DealKind kind) => kind switch
    {
        DealKind.Investment => "investment",
        DealKind.Partnership => "partnership",
        _ => "supply agreement",
    };
}
