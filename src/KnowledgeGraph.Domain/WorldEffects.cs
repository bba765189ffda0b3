using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Domain;

public sealed partial class World
{
    /// <summary>What an event does to the world, and what undoes it when it is retracted (null: a retraction keeps it).</summary>
    private readonly record struct Effect(Action Do, Action? Undo = null);

    /// <summary>The effect of each event type, next to its undoing.</summary>
    private sealed class Effects(World w, string eventId) : IEventVisitor<Effect>
    {
        public Effect Visit(OrganizationRegistered e) => new(() => w._organizations.Add(e.OrgId), () => w._organizations.Remove(e.OrgId));

        public Effect Visit(OrganizationUpdated e) => new(() => { });

        public Effect Visit(FacilityRegistered e) =>
            new(() => w._facilityStatus[e.FacilityId] = e.Status, () => w._facilityStatus.Remove(e.FacilityId));

        public Effect Visit(FacilityStatusChanged e) => new(() => w._facilityStatus[e.FacilityId] = e.Status);

        public Effect Visit(FacilityUpdated e) => new(() => { });

        public Effect Visit(InvestmentMade e) => Registers(e.DealId, new DealState(DealKind.Investment, e.Status, false, e.Instrument, e.StakePercent));

        public Effect Visit(InvestmentStatusChanged e) => Changes(e.DealId, d => d with { Status = e.Status });

        public Effect Visit(StakeChanged e) => Changes(e.DealId, d => d with { StakePercent = e.StakePercent });

        public Effect Visit(PartnershipFormed e) => Registers(e.DealId, new DealState(DealKind.Partnership, e.Status, false));

        public Effect Visit(PartnershipStatusChanged e) => Changes(e.DealId, d => d with { Status = e.Status });

        public Effect Visit(PartnershipEnded e) => Changes(e.DealId, d => d with { Ended = true });

        public Effect Visit(SupplyAgreementSigned e) => Registers(e.DealId, new DealState(DealKind.SupplyAgreement, e.Status, false));

        public Effect Visit(SupplyAgreementStatusChanged e) => Changes(e.DealId, d => d with { Status = e.Status });

        public Effect Visit(SupplyAgreementEnded e) => Changes(e.DealId, d => d with { Ended = true });

        public Effect Visit(PolicyEnacted e) => new(() => w._policyRevoked[e.PolicyId] = false, () => w._policyRevoked.Remove(e.PolicyId));

        public Effect Visit(PolicyAmended e) => new(() => { });

        public Effect Visit(PolicyRevoked e) => new(() => w._policyRevoked[e.PolicyId] = true);

        public Effect Visit(BlocJoined e) => new(() => w._memberships.Add((e.Country, e.Bloc)), () => w._memberships.Remove((e.Country, e.Bloc)));

        public Effect Visit(BlocLeft e) => new(() => w._memberships.Remove((e.Country, e.Bloc)), () => w._memberships.Add((e.Country, e.Bloc)));

        public Effect Visit(EventRetracted e) => new(() => w.Retract(e.EventId, eventId));

        private Effect Registers(string dealId, DealState state) => new(() => w._deals[dealId] = state, () => w._deals.Remove(dealId));

        private Effect Changes(string dealId, Func<DealState, DealState> change) => new(() => w._deals[dealId] = change(w._deals[dealId]));
    }
}
