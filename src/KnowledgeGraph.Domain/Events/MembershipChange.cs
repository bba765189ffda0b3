namespace KnowledgeGraph.Domain.Events;

/// <summary>A change of a country's bloc memberships: it joins the bloc, or leaves it.</summary>
public readonly record struct MembershipChange(string Country, string Bloc, bool Joins)
{
    /// <summary>The membership the event changes, or null for an event that changes none.</summary>
    public static MembershipChange? Of(CatalogEvent e) => e.Accept(ChangeOf.Instance);

    /// <summary>A new event type fails the build here until it says which membership it changes, if any.</summary>
    private sealed class ChangeOf : IEventVisitor<MembershipChange?>
    {
        public static readonly ChangeOf Instance = new();

        public MembershipChange? Visit(BlocJoined e) => new(e.Country, e.Bloc, Joins: true);
        public MembershipChange? Visit(BlocLeft e) => new(e.Country, e.Bloc, Joins: false);

        public MembershipChange? Visit(OrganizationRegistered e) => null;
        public MembershipChange? Visit(OrganizationUpdated e) => null;
        public MembershipChange? Visit(FacilityRegistered e) => null;
        public MembershipChange? Visit(FacilityStatusChanged e) => null;
        public MembershipChange? Visit(FacilityUpdated e) => null;
        public MembershipChange? Visit(InvestmentMade e) => null;
        public MembershipChange? Visit(InvestmentStatusChanged e) => null;
        public MembershipChange? Visit(StakeChanged e) => null;
        public MembershipChange? Visit(PartnershipFormed e) => null;
        public MembershipChange? Visit(PartnershipStatusChanged e) => null;
        public MembershipChange? Visit(PartnershipEnded e) => null;
        public MembershipChange? Visit(SupplyAgreementSigned e) => null;
        public MembershipChange? Visit(SupplyAgreementStatusChanged e) => null;
        public MembershipChange? Visit(SupplyAgreementEnded e) => null;
        public MembershipChange? Visit(PolicyEnacted e) => null;
        public MembershipChange? Visit(PolicyAmended e) => null;
        public MembershipChange? Visit(PolicyRevoked e) => null;
        public MembershipChange? Visit(EventRetracted e) => null;
    }
}
