using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>A facility, who operates it, where it is and what it produces, with its status and attributes over time.</summary>
internal static class FacilityFold
{
    /// <summary>What an OPERATES relationship says at a time: a new version starts when one of these changes.</summary>
    private sealed record Operation(string Status, string Stage, decimal? Capacity);

    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<FacilityRegistered>(active, everRegistered, graph) is not { } opened)
        {
            return;
        }
        var (registered, first, changes) = opened;
        var ordered = changes.OrderBy(c => c.Envelope.EffectiveDate).ThenBy(c => c.Sequence).ToList();
        var states = new List<(StreamEvent Event, FacilityRegistered State)> { (first, registered) };
        foreach (var change in ordered)
        {
            states.Add((change, change.Envelope.Data.Accept(ChangeOf.Instance)(states[^1].State)));
        }
        var id = registered.FacilityId;
        graph.NodeVersions(states, (state, eventIds) => new Facility(id, first.Envelope.EffectiveDate, eventIds, state.Name, registered.OperatorId,
            registered.Country, WireName.Parse<Stage>(state.Stage), WireName.Parse<FacilityStatus>(state.Status), List(state.Products), state.CapacityTonnesPerYear));

        var operations = Timeline.Periods(Distinct(states.Select(s => (s.Event, new Operation(s.State.Status, s.State.Stage, s.State.CapacityTonnesPerYear)))));
        foreach (var period in operations)
        {
            graph.Edge(new Operates(registered.OperatorId, id, period.From, period.To, Ids(period.Source, period.ClosedBy),
                WireName.Parse<FacilityStatus>(period.Value.Status), WireName.Parse<Stage>(period.Value.Stage), period.Value.Capacity));
        }
        graph.Edge(new LocatedIn(id, registered.Country, first.Envelope.EffectiveDate, null, Ids(first)));
        // A product's PRODUCES relationship runs on while the facility keeps producing it, whatever else changes.
        graph.SetEdges((product, from, to, events) => new Produces(id, product, from, to, events),
            Timeline.Periods(states.Select(s => (s.Event, s.State.Products))));
    }

    /// <summary>
    /// What each event changes in a facility, as the registration it would have been registered with. Only the changes
    /// <see cref="RegistrationOf"/> lets follow a registration reach it; a new event type fails the build here until
    /// it says what it changes.
    /// </summary>
    private sealed class ChangeOf : IEventVisitor<Func<FacilityRegistered, FacilityRegistered>>
    {
        public static readonly ChangeOf Instance = new();

        private static readonly Func<FacilityRegistered, FacilityRegistered> Unchanged = state => state;

        public Func<FacilityRegistered, FacilityRegistered> Visit(FacilityStatusChanged e) => state => state with { Status = e.Status };

        public Func<FacilityRegistered, FacilityRegistered> Visit(FacilityUpdated e) => state => state with
        {
            Name = e.Name ?? state.Name,
            Stage = e.Stage ?? state.Stage,
            Products = e.Products ?? state.Products,
            CapacityTonnesPerYear = e.CapacityTonnesPerYear ?? state.CapacityTonnesPerYear,
        };

        public Func<FacilityRegistered, FacilityRegistered> Visit(OrganizationRegistered e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(OrganizationUpdated e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(FacilityRegistered e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(InvestmentMade e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(InvestmentStatusChanged e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(StakeChanged e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(PartnershipFormed e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(PartnershipStatusChanged e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(PartnershipEnded e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(SupplyAgreementSigned e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(SupplyAgreementStatusChanged e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(SupplyAgreementEnded e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(PolicyEnacted e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(PolicyAmended e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(PolicyRevoked e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(BlocJoined e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(BlocLeft e) => Unchanged;
        public Func<FacilityRegistered, FacilityRegistered> Visit(EventRetracted e) => Unchanged;
    }

    /// <summary>The changes of a value in order, without the events that left it as it was.</summary>
    private static IEnumerable<(StreamEvent Event, T Value)> Distinct<T>(IEnumerable<(StreamEvent Event, T Value)> states)
    {
        var previous = default(T);
        var any = false;
        foreach (var (e, value) in states)
        {
            if (!any || !EqualityComparer<T>.Default.Equals(previous, value))
            {
                yield return (e, value);
            }
            (previous, any) = (value, true);
        }
    }
}
