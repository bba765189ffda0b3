using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>A policy, who enacted it, and what it covers, benefits and targets, with its attributes over time until revoked.</summary>
internal static class PolicyFold
{
    /// <summary>What an event changes in a policy: what an amendment names anew (null: unchanged), or its revocation.</summary>
    private sealed record Change(
        string? Title = null, IReadOnlyList<string>? Products = null, IReadOnlyList<string>? BeneficiaryIds = null,
        IReadOnlyList<string>? TargetCountries = null, bool Revokes = false)
    {
        public static readonly Change None = new();
    }

    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        if (StreamFolder.Open<PolicyEnacted>(active, everRegistered, graph) is not { } opened)
        {
            return;
        }
        var (enacted, first, rest) = opened;
        // A policy is revoked once, by the first revocation stored.
        var revoked = rest.FirstOrDefault(e => ChangeOf(e).Revokes);
        var changes = rest.OrderBy(e => e.Envelope.EffectiveDate).ThenBy(e => e.Sequence).Select(e => (Event: e, Change: ChangeOf(e))).ToList();
        var id = enacted.PolicyId;
        var states = new List<(StreamEvent Event, Policy State)>
        {
            (first, new Policy(id, first.Envelope.EffectiveDate, [], enacted.Jurisdiction, WireName.Parse<PolicyKind>(enacted.Kind), enacted.Title,
                PolicyStatus.InForce, null, List(enacted.Products), List(enacted.BeneficiaryIds), List(enacted.TargetCountries))),
        };
        foreach (var (e, change) in changes)
        {
            var state = states[^1].State;
            states.Add((e, change.Revokes
                ? e == revoked ? state with { Status = PolicyStatus.Revoked, RevokedOn = e.Envelope.EffectiveDate } : state
                : state with
                {
                    Title = change.Title ?? state.Title,
                    Products = change.Products ?? state.Products,
                    BeneficiaryIds = change.BeneficiaryIds ?? state.BeneficiaryIds,
                    TargetCountries = change.TargetCountries ?? state.TargetCountries,
                }));
        }
        graph.NodeVersions(states, (state, eventIds) => state with { EventIds = eventIds });

        var to = revoked?.Envelope.EffectiveDate;
        graph.Edge(new EnactedBy(id, CountryOrBloc(enacted.Jurisdiction), enacted.Jurisdiction, first.Envelope.EffectiveDate,
            to < first.Envelope.EffectiveDate ? first.Envelope.EffectiveDate : to, Ids(first, revoked)));

        List<Period<IReadOnlyList<string>?>> Periods(IReadOnlyList<string>? initial, Func<Change, IReadOnlyList<string>?> pick) =>
            Timeline.Periods([(first, initial), .. changes
                .Select(c => (c.Event, pick(c.Change)))
                .Where(c => c.Item2 is not null)], revoked);
        graph.SetEdges((code, from, until, events) => new Covers(id, ProductOrCategory(code), code, from, until, events),
            Periods(enacted.Products, c => c.Products));
        graph.SetEdges((org, from, until, events) => new Benefits(id, org, from, until, events), Periods(enacted.BeneficiaryIds, c => c.BeneficiaryIds));
        graph.SetEdges((country, from, until, events) => new Targets(id, country, from, until, events),
            Periods(enacted.TargetCountries, c => c.TargetCountries));
    }

    private static Change ChangeOf(StreamEvent e) => e.Envelope.Data.Accept(ChangeVisitor.Instance);

    /// <summary>
    /// What each event changes in a policy. Only the events <see cref="RegistrationOf"/> lets follow an enactment reach
    /// it; a new event type fails the build here until it says what it changes.
    /// </summary>
    private sealed class ChangeVisitor : IEventVisitor<Change>
    {
        public static readonly ChangeVisitor Instance = new();

        public Change Visit(PolicyAmended e) => new(e.Title, e.Products, e.BeneficiaryIds, e.TargetCountries);
        public Change Visit(PolicyRevoked e) => new(Revokes: true);

        public Change Visit(OrganizationRegistered e) => Change.None;
        public Change Visit(OrganizationUpdated e) => Change.None;
        public Change Visit(FacilityRegistered e) => Change.None;
        public Change Visit(FacilityStatusChanged e) => Change.None;
        public Change Visit(FacilityUpdated e) => Change.None;
        public Change Visit(InvestmentMade e) => Change.None;
        public Change Visit(InvestmentStatusChanged e) => Change.None;
        public Change Visit(StakeChanged e) => Change.None;
        public Change Visit(PartnershipFormed e) => Change.None;
        public Change Visit(PartnershipStatusChanged e) => Change.None;
        public Change Visit(PartnershipEnded e) => Change.None;
        public Change Visit(SupplyAgreementSigned e) => Change.None;
        public Change Visit(SupplyAgreementStatusChanged e) => Change.None;
        public Change Visit(SupplyAgreementEnded e) => Change.None;
        public Change Visit(PolicyEnacted e) => Change.None;
        public Change Visit(BlocJoined e) => Change.None;
        public Change Visit(BlocLeft e) => Change.None;
        public Change Visit(EventRetracted e) => Change.None;
    }
}
