using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>
/// The rules an event must satisfy, given the events stored before it. Pure: returns every problem at once.
/// Shape (required fields, types, dates) is checked earlier by <see cref="EnvelopeParser"/>.
/// </summary>
public static class EventRules
{
    public static IReadOnlyList<Problem> Check(EventEnvelope envelope, World world)
    {
        var checks = new Checks(world);
        switch (envelope.Data)
        {
            case OrganizationRegistered e: OrganizationRules.Registered(e, checks); break;
            case OrganizationUpdated e: OrganizationRules.Updated(e, checks); break;
            case FacilityRegistered e: OrganizationRules.FacilityRegistered(e, checks); break;
            case FacilityStatusChanged e: OrganizationRules.FacilityStatusChanged(e, checks); break;
            case FacilityUpdated e: OrganizationRules.FacilityUpdated(e, checks); break;
            case InvestmentMade e: DealRules.InvestmentMade(e, checks); break;
            case InvestmentStatusChanged e: DealRules.InvestmentStatusChanged(e, checks); break;
            case StakeChanged e: DealRules.StakeChanged(e, checks); break;
            case PartnershipFormed e: DealRules.PartnershipFormed(e, checks); break;
            case PartnershipStatusChanged e: DealRules.PartnershipStatusChanged(e, checks); break;
            case PartnershipEnded e: DealRules.Ended(e.DealId, DealKind.Partnership, checks); break;
            case SupplyAgreementSigned e: DealRules.SupplyAgreementSigned(e, checks); break;
            case SupplyAgreementStatusChanged e: DealRules.SupplyAgreementStatusChanged(e, checks); break;
            case SupplyAgreementEnded e: DealRules.Ended(e.DealId, DealKind.SupplyAgreement, checks); break;
            case PolicyEnacted e: PolicyRules.Enacted(e, checks); break;
            case PolicyAmended e: PolicyRules.Amended(e, checks); break;
            case PolicyRevoked e: PolicyRules.Revoked(e, checks); break;
            case BlocJoined e: Membership(e.Country, e.Bloc, joining: true, checks); break;
            case BlocLeft e: Membership(e.Country, e.Bloc, joining: false, checks); break;
            case EventRetracted e: Retracted(e, envelope.Id, checks); break;
            default: throw new ArgumentException($"No rules for {envelope.Type}", nameof(envelope));
        }
        return checks.Problems;
    }

    private static void Membership(string country, string bloc, bool joining, Checks checks)
    {
        var before = checks.Problems.Count;
        checks.Country("country", country);
        checks.Bloc("bloc", bloc);
        if (checks.Problems.Count > before)
        {
            return;
        }
        var member = checks.World.IsMember(country, bloc);
        if (joining && member)
        {
            checks.Fail("bloc", $"{country} is already a member of {bloc}");
        }
        else if (!joining && !member)
        {
            checks.Fail("bloc", $"{country} is not a member of {bloc}");
        }
    }

    private static void Retracted(EventRetracted e, string ownId, Checks checks)
    {
        var target = checks.World.FindEvent(e.EventId);
        if (e.EventId == ownId)
        {
            checks.Fail("eventId", "an event cannot retract itself");
        }
        else if (target is null)
        {
            checks.Fail("eventId", $"unknown event '{e.EventId}'");
        }
        else if (target.RetractedBy is not null)
        {
            checks.Fail("eventId", $"'{e.EventId}' is already retracted by '{target.RetractedBy}'");
        }
        else if (target.Type == nameof(EventRetracted))
        {
            checks.Fail("eventId", $"'{e.EventId}' is a retraction; retractions stay visible and cannot be retracted");
        }
    }
}

internal static class OrganizationRules
{
    public static void Registered(OrganizationRegistered e, Checks checks)
    {
        if (checks.Slug("orgId", e.OrgId) && checks.World.HasOrganization(e.OrgId))
        {
            checks.Fail("orgId", $"organization '{e.OrgId}' is already registered");
        }
        Attributes(e.Country, e.Kind, e.Stages, e.Consumes, checks);
    }

    public static void Updated(OrganizationUpdated e, Checks checks)
    {
        checks.Organization("orgId", e.OrgId);
        if (e is { Name: null, Country: null, Kind: null, Stages: null, Aliases: null, Consumes: null })
        {
            checks.Fail("orgId", "an update must change at least one of name, country, kind, stages, aliases, consumes");
        }
        Attributes(e.Country, e.Kind, e.Stages, e.Consumes, checks);
    }

    private static void Attributes(string? country, string? kind, IReadOnlyList<string>? stages, IReadOnlyList<string>? consumes, Checks checks)
    {
        checks.Country("country", country);
        checks.OneOf("kind", kind, Vocabularies.OrganizationKinds, "organization kind");
        checks.AllOf("stages", stages, Vocabularies.Stages, "stage");
        checks.ProductsOrCategories("consumes", consumes);
    }

    public static void FacilityRegistered(FacilityRegistered e, Checks checks)
    {
        if (checks.Slug("facilityId", e.FacilityId) && checks.World.FacilityStatus(e.FacilityId) is not null)
        {
            checks.Fail("facilityId", $"facility '{e.FacilityId}' is already registered");
        }
        checks.Organization("operatorId", e.OperatorId);
        checks.Country("country", e.Country);
        checks.OneOf("stage", e.Stage, Vocabularies.Stages, "stage");
        checks.OneOf("status", e.Status, Vocabularies.FacilityStatuses, "facility status");
        Products(e.Products, checks);
        checks.NotNegative("capacityTonnesPerYear", e.CapacityTonnesPerYear);
    }

    public static void FacilityUpdated(FacilityUpdated e, Checks checks)
    {
        if (checks.Slug("facilityId", e.FacilityId) && checks.World.FacilityStatus(e.FacilityId) is null)
        {
            checks.Fail("facilityId", $"unknown facility '{e.FacilityId}'");
        }
        if (e is { Name: null, Stage: null, Products: null, CapacityTonnesPerYear: null })
        {
            checks.Fail("facilityId", "an update must change at least one of name, stage, products, capacityTonnesPerYear");
        }
        checks.OneOf("stage", e.Stage, Vocabularies.Stages, "stage");
        Products(e.Products, checks);
        checks.NotNegative("capacityTonnesPerYear", e.CapacityTonnesPerYear);
    }

    private static void Products(IReadOnlyList<string>? products, Checks checks)
    {
        for (var i = 0; products is not null && i < products.Count; i++)
        {
            checks.Product($"products[{i}]", products[i]);
        }
    }

    public static void FacilityStatusChanged(FacilityStatusChanged e, Checks checks)
    {
        checks.OneOf("status", e.Status, Vocabularies.FacilityStatuses, "facility status");
        if (!checks.Slug("facilityId", e.FacilityId))
        {
            return;
        }
        var current = checks.World.FacilityStatus(e.FacilityId);
        if (current is null)
        {
            checks.Fail("facilityId", $"unknown facility '{e.FacilityId}'");
        }
        else if (current == e.Status)
        {
            checks.Fail("status", $"facility '{e.FacilityId}' is already {current}");
        }
    }
}
