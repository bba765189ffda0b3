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
        envelope.Data.Accept(new Rules(checks, envelope.Id));
        return checks.Problems;
    }

    /// <summary>The rules of each event type.</summary>
    private sealed class Rules(Checks checks, string ownId) : IEventVisitor<Checks>
    {
        public Checks Visit(OrganizationRegistered e) => Run(c => OrganizationRules.Registered(e, c));
        public Checks Visit(OrganizationUpdated e) => Run(c => OrganizationRules.Updated(e, c));
        public Checks Visit(FacilityRegistered e) => Run(c => OrganizationRules.FacilityRegistered(e, c));
        public Checks Visit(FacilityStatusChanged e) => Run(c => OrganizationRules.FacilityStatusChanged(e, c));
        public Checks Visit(FacilityUpdated e) => Run(c => OrganizationRules.FacilityUpdated(e, c));
        public Checks Visit(InvestmentMade e) => Run(c => DealRules.InvestmentMade(e, c));
        public Checks Visit(InvestmentStatusChanged e) => Run(c => DealRules.InvestmentStatusChanged(e, c));
        public Checks Visit(StakeChanged e) => Run(c => DealRules.StakeChanged(e, c));
        public Checks Visit(PartnershipFormed e) => Run(c => DealRules.PartnershipFormed(e, c));
        public Checks Visit(PartnershipStatusChanged e) => Run(c => DealRules.PartnershipStatusChanged(e, c));
        public Checks Visit(PartnershipEnded e) => Run(c => DealRules.Ended(e.DealId, DealKind.Partnership, c));
        public Checks Visit(SupplyAgreementSigned e) => Run(c => DealRules.SupplyAgreementSigned(e, c));
        public Checks Visit(SupplyAgreementStatusChanged e) => Run(c => DealRules.SupplyAgreementStatusChanged(e, c));
        public Checks Visit(SupplyAgreementEnded e) => Run(c => DealRules.Ended(e.DealId, DealKind.SupplyAgreement, c));
        public Checks Visit(PolicyEnacted e) => Run(c => PolicyRules.Enacted(e, c));
        public Checks Visit(PolicyAmended e) => Run(c => PolicyRules.Amended(e, c));
        public Checks Visit(PolicyRevoked e) => Run(c => PolicyRules.Revoked(e, c));
        public Checks Visit(BlocJoined e) => Run(c => Membership(e.Country, e.Bloc, joining: true, c));
        public Checks Visit(BlocLeft e) => Run(c => Membership(e.Country, e.Bloc, joining: false, c));
        public Checks Visit(EventRetracted e) => Run(c => Retracted(e, ownId, c));

        private Checks Run(Action<Checks> rule)
        {
            rule(checks);
            return checks;
        }
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
