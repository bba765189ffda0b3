using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>An organization with its attributes over time, where it is based over time and what it needs.</summary>
internal static class OrganizationFold
{
    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<OrganizationRegistered>(active, everRegistered, graph) is not { } opened)
        {
            return;
        }
        var (registered, first, updates) = opened;
        var changes = updates.OrderBy(u => u.Envelope.EffectiveDate).ThenBy(u => u.Sequence)
            .Select(u => (Event: u, Update: u.Envelope.Data.Accept(UpdateOf.Instance)))
            .Where(u => u.Update is not null).Select(u => (u.Event, Update: u.Update!)).ToList();
        var states = new List<(StreamEvent Event, OrganizationRegistered State)> { (first, registered) };
        foreach (var (change, u) in changes)
        {
            var state = states[^1].State;
            states.Add((change, state with
            {
                Name = u.Name ?? state.Name,
                Country = u.Country ?? state.Country,
                Kind = u.Kind ?? state.Kind,
                Stages = u.Stages ?? state.Stages,
                Aliases = u.Aliases ?? state.Aliases,
                Consumes = u.Consumes ?? state.Consumes,
            }));
        }
        var id = registered.OrgId;
        graph.NodeVersions(states, (state, eventIds) => new Organization(id, first.Envelope.EffectiveDate, eventIds,
            state.Name, state.Country, WireName.Parse<OrganizationKind>(state.Kind), List(state.Stages).Select(WireName.Parse<Stage>).ToList(),
            List(state.Aliases), List(state.Consumes)));

        var countries = Timeline.Periods([(first, registered.Country), .. changes
            .Where(u => u.Update.Country is not null)
            .Select(u => (u.Event, u.Update.Country!))]);
        foreach (var period in countries)
        {
            graph.Edge(new BasedIn(id, period.Value, period.From, period.To, Ids(period.Source, period.ClosedBy)));
        }

        var needs = Timeline.Periods([(first, registered.Consumes), .. changes
            .Where(u => u.Update.Consumes is not null)
            .Select(u => (u.Event, u.Update.Consumes))]);
        graph.SetEdges((code, from, to, events) => new Needs(id, ProductOrCategory(code), code, from, to, events), needs);
    }

    /// <summary>
    /// The update an event of an organization's stream makes to its attributes. Only the events
    /// <see cref="RegistrationOf"/> lets follow a registration reach it; a new event type fails the build here until it
    /// says what it changes.
    /// </summary>
    private sealed class UpdateOf : IEventVisitor<OrganizationUpdated?>
    {
        public static readonly UpdateOf Instance = new();

        public OrganizationUpdated? Visit(OrganizationUpdated e) => e;

        public OrganizationUpdated? Visit(InvestmentStatusChanged e) => null;
        public OrganizationUpdated? Visit(StakeChanged e) => null;
        public OrganizationUpdated? Visit(PartnershipStatusChanged e) => null;
        public OrganizationUpdated? Visit(PartnershipEnded e) => null;
        public OrganizationUpdated? Visit(SupplyAgreementStatusChanged e) => null;
        public OrganizationUpdated? Visit(SupplyAgreementEnded e) => null;
        public OrganizationUpdated? Visit(OrganizationRegistered e) => null;
        public OrganizationUpdated? Visit(FacilityRegistered e) => null;
        public OrganizationUpdated? Visit(FacilityStatusChanged e) => null;
        public OrganizationUpdated? Visit(FacilityUpdated e) => null;
        public OrganizationUpdated? Visit(InvestmentMade e) => null;
        public OrganizationUpdated? Visit(PartnershipFormed e) => null;
        public OrganizationUpdated? Visit(SupplyAgreementSigned e) => null;
        public OrganizationUpdated? Visit(PolicyEnacted e) => null;
        public OrganizationUpdated? Visit(PolicyAmended e) => null;
        public OrganizationUpdated? Visit(PolicyRevoked e) => null;
        public OrganizationUpdated? Visit(BlocJoined e) => null;
        public OrganizationUpdated? Visit(BlocLeft e) => null;
        public OrganizationUpdated? Visit(EventRetracted e) => null;
    }
}
