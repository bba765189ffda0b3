using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>What an event changes in a deal: its status, an investment's stake, or its ending, with the reason given.</summary>
internal sealed record DealChange(DealStatus? Status = null, decimal? Stake = null, bool Ends = false, string? Reason = null)
{
    public static readonly DealChange None = new();

    /// <summary>What the event changes in the deal of its stream.</summary>
    public static DealChange Of(StreamEvent e) => e.Envelope.Data.Accept(ChangeVisitor.Instance);

    /// <summary>
    /// What each event changes in a deal. Only the events <see cref="RegistrationOf"/> lets follow a deal's registration
    /// reach it; a new event type fails the build here until it says what it changes.
    /// </summary>
    private sealed class ChangeVisitor : IEventVisitor<DealChange>
    {
        public static readonly ChangeVisitor Instance = new();

        public DealChange Visit(InvestmentStatusChanged e) => new(WireName.Parse<DealStatus>(e.Status));
        public DealChange Visit(StakeChanged e) => new(Stake: e.StakePercent);
        public DealChange Visit(PartnershipStatusChanged e) => new(WireName.Parse<DealStatus>(e.Status));
        public DealChange Visit(PartnershipEnded e) => new(Ends: true, Reason: e.Reason);
        public DealChange Visit(SupplyAgreementStatusChanged e) => new(WireName.Parse<DealStatus>(e.Status));
        public DealChange Visit(SupplyAgreementEnded e) => new(Ends: true, Reason: e.Reason);

        public DealChange Visit(OrganizationRegistered e) => DealChange.None;
        public DealChange Visit(OrganizationUpdated e) => DealChange.None;
        public DealChange Visit(FacilityRegistered e) => DealChange.None;
        public DealChange Visit(FacilityStatusChanged e) => DealChange.None;
        public DealChange Visit(FacilityUpdated e) => DealChange.None;
        public DealChange Visit(InvestmentMade e) => DealChange.None;
        public DealChange Visit(PartnershipFormed e) => DealChange.None;
        public DealChange Visit(SupplyAgreementSigned e) => DealChange.None;
        public DealChange Visit(PolicyEnacted e) => DealChange.None;
        public DealChange Visit(PolicyAmended e) => DealChange.None;
        public DealChange Visit(PolicyRevoked e) => DealChange.None;
        public DealChange Visit(BlocJoined e) => DealChange.None;
        public DealChange Visit(BlocLeft e) => DealChange.None;
        public DealChange Visit(EventRetracted e) => DealChange.None;
    }
}
