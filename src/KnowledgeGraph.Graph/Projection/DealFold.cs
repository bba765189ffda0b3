using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>Investments, partnerships and supply agreements: a Deal node with its attributes over time, its parties, and the edges it implies.</summary>
internal static class DealFold
{
    public static void Fold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph)
    {
        var registration = active.Select(e => e.Envelope.Data).FirstOrDefault(d => d.RegistersEntity());
        if (registration?.Accept(FoldOf.Instance) is { } fold)
        {
            fold(active, everRegistered, graph);
        }
        else if (registration is not null || !everRegistered)
        {
            active.ForEach(e => graph.Error(e, $"{e.Envelope.Type} in a deal stream that no InvestmentMade, PartnershipFormed or SupplyAgreementSigned opens"));
        }
    }

    private delegate void OpenedFold(List<StreamEvent> active, bool everRegistered, GraphBuilder graph);

    /// <summary>
    /// The fold each registration opens in a deal stream; null for a registration of another kind of stream. A new
    /// event type fails the build here until it says which deals it opens, if any.
    /// </summary>
    private sealed class FoldOf : IEventVisitor<OpenedFold?>
    {
        public static readonly FoldOf Instance = new();

        public OpenedFold? Visit(OrganizationRegistered e) => null;
        public OpenedFold? Visit(OrganizationUpdated e) => null;
        public OpenedFold? Visit(FacilityRegistered e) => null;
        public OpenedFold? Visit(FacilityStatusChanged e) => null;
        public OpenedFold? Visit(FacilityUpdated e) => null;
        public OpenedFold? Visit(InvestmentMade e) => Opens<InvestmentMade>(Investment);
        public OpenedFold? Visit(InvestmentStatusChanged e) => null;
        public OpenedFold? Visit(StakeChanged e) => null;
        public OpenedFold? Visit(PartnershipFormed e) => Opens<PartnershipFormed>(Partnership);
        public OpenedFold? Visit(PartnershipStatusChanged e) => null;
        public OpenedFold? Visit(PartnershipEnded e) => null;
        public OpenedFold? Visit(SupplyAgreementSigned e) => Opens<SupplyAgreementSigned>(Supply);
        public OpenedFold? Visit(SupplyAgreementStatusChanged e) => null;
        public OpenedFold? Visit(SupplyAgreementEnded e) => null;
        public OpenedFold? Visit(PolicyEnacted e) => null;
        public OpenedFold? Visit(PolicyAmended e) => null;
        public OpenedFold? Visit(PolicyRevoked e) => null;
        public OpenedFold? Visit(BlocJoined e) => null;
        public OpenedFold? Visit(BlocLeft e) => null;
        public OpenedFold? Visit(EventRetracted e) => null;

        private static OpenedFold Opens<T>(Action<T, StreamEvent, List<StreamEvent>, GraphBuilder> fold) where T : CatalogEvent =>
            (active, everRegistered, graph) =>
            {
                if (StreamFolder.Open<T>(active, everRegistered, graph) is { } opened)
                {
                    fold(opened.Registration, opened.Event, opened.Rest, graph);
                }
            };
    }

    private static void Investment(InvestmentMade made, StreamEvent first, List<StreamEvent> rest, GraphBuilder graph)
    {
        var statuses = Timeline.Periods([(first, WireName.Parse<DealStatus>(made.Status)), .. rest
            .Select(e => (e, DealChange.Of(e).Status)).Where(c => c.Status is not null).Select(c => (c.e, c.Status!.Value))]);
        var registered = new Investment(made.DealId, first.Envelope.EffectiveDate, [], WireName.Parse<DealStatus>(made.Status),
            WireName.Parse<InvestmentInstrument>(made.Instrument), made.InvestorId, made.TargetId, made.Amount, made.Currency, made.StakePercent);
        var completed = statuses.FirstOrDefault(p => p.Value == DealStatus.Completed);
        var stakes = Stakes(registered, completed, rest, graph);
        var counted = stakes.Select(p => p.Source).ToHashSet();
        var states = States(registered, first, rest, (state, e, change) => change switch
        {
            { Status: { } status } => state with { Status = status },
            { Stake: { } stake } when counted.Contains(e) => state with { StakePercent = stake },
            _ => state,
        });
        graph.NodeVersions(states, (state, eventIds) => state with { EventIds = eventIds });
        foreach (var period in statuses)
        {
            graph.Edge(new InvestedIn(made.InvestorId, made.TargetId, period.From, period.To, Ids(period.Source, period.ClosedBy),
                made.DealId, period.Value, registered.Instrument, made.StakePercent, made.Amount, made.Currency));
        }
        foreach (var period in stakes.Where(p => p.Value > 0))
        {
            graph.Edge(new Owns(made.InvestorId, made.TargetId, period.From, period.To, Ids(period.Source, period.ClosedBy), made.DealId, period.Value!.Value));
        }
        Parties(registered, first, null, graph);
    }

    /// <summary>
    /// Ownership counts from completion, for stakes taken as equity or by acquisition, and follows each StakeChanged
    /// until a stake of 0 (sold).
    /// </summary>
    private static List<Period<decimal?>> Stakes(Investment made, Period<DealStatus>? completed, List<StreamEvent> rest, GraphBuilder graph)
    {
        var stakeChanges = rest.Select(e => (Event: e, DealChange.Of(e).Stake)).Where(c => c.Stake is not null).ToList();
        if (!made.TakesOwnership || completed is null)
        {
            stakeChanges.ForEach(c => graph.Error(c.Event, "StakeChanged on an investment that is not a completed equity or acquisition stake"));
            return [];
        }
        stakeChanges.Where(c => c.Event.Envelope.EffectiveDate < completed.From).ToList()
            .ForEach(c => graph.Error(c.Event, "StakeChanged dated before the investment's completion"));
        return Timeline.Periods([(completed.Source, made.StakePercent), .. stakeChanges.Where(c => c.Event.Envelope.EffectiveDate >= completed.From)]);
    }

    private static void Partnership(PartnershipFormed formed, StreamEvent first, List<StreamEvent> rest, GraphBuilder graph)
    {
        var ended = rest.FirstOrDefault(e => DealChange.Of(e).Ends);
        var registered = new Partnership(formed.DealId, first.Envelope.EffectiveDate, [], WireName.Parse<DealStatus>(formed.Status),
            WireName.Parse<PartnershipKind>(formed.Kind), formed.PartyIds, List(formed.Products), null, null);
        var states = States(registered, first, rest, (state, e, change) => change switch
        {
            { Ends: true } when e == ended => state with { Status = DealStatus.Ended, EndedOn = e.Envelope.EffectiveDate, EndReason = change.Reason },
            { Status: { } status } when state.EndedOn is null => state with { Status = status },
            _ => state,
        });
        graph.NodeVersions(states, (state, eventIds) => state with { EventIds = eventIds });
        Parties(registered, first, ended, graph);
    }

    private static void Supply(SupplyAgreementSigned signed, StreamEvent first, List<StreamEvent> rest, GraphBuilder graph)
    {
        var ended = rest.FirstOrDefault(e => DealChange.Of(e).Ends);
        var statuses = Timeline.Periods([(first, WireName.Parse<DealStatus>(signed.Status)), .. rest
            .Select(e => (e, DealChange.Of(e).Status)).Where(c => c.Status is not null).Select(c => (c.e, c.Status!.Value))]);
        var registered = new SupplyAgreement(signed.DealId, first.Envelope.EffectiveDate, [], WireName.Parse<DealStatus>(signed.Status),
            signed.SupplierId, signed.BuyerId, signed.Product, Products.CategoryByProduct.GetValueOrDefault(signed.Product), signed.VolumeTonnesPerYear,
            signed.StartDate, signed.EndDate, null, null);
        var states = States(registered, first, rest, (state, e, change) => change switch
        {
            { Ends: true } when e == ended => state with { Status = DealStatus.Ended, EndedOn = e.Envelope.EffectiveDate, EndReason = change.Reason },
            { Status: { } status } when state.EndedOn is null => state with { Status = status },
            _ => state,
        });
        graph.NodeVersions(states, (state, eventIds) => state with { EventIds = eventIds });

        // In force within the agreement's window, one version per status within it (proposed until signed). The status
        // it was signed with holds from the start of the window (a start date may be earlier than the signing); a later
        // change of status holds from its own date.
        var deal = states[^1].State;
        var (from, to) = (deal.InForceFrom, deal.InForceTo);
        var versions = statuses
            .Select((p, i) => (Period: p, From: i > 0 && p.From > from ? p.From : from, To: Earlier(p.To, to)))
            .Where(v => v.To is null || v.From < v.To)
            .ToList();
        if (versions.Count == 0)
        {
            versions.Add((statuses.Count > 0 ? statuses[^1] : new Period<DealStatus>(from, to, registered.Status, first, null), from, to));
        }
        foreach (var (period, start, end) in versions)
        {
            graph.Edge(new Supplies(signed.SupplierId, signed.BuyerId, start, end, Ids(first, period.Source, period.ClosedBy, end == to ? ended : null),
                signed.DealId, signed.Product, deal.Category, period.Value, signed.VolumeTonnesPerYear));
        }
        Parties(deal, first, ended, graph);
    }

    /// <summary>
    /// The deal as registered, then after each later event in world-time order (effective date, then store order), as
    /// <paramref name="apply"/> changes it: the states <see cref="GraphBuilder.NodeVersions"/> versions.
    /// </summary>
    private static List<(StreamEvent Event, T State)> States<T>(T registered, StreamEvent first, List<StreamEvent> rest, Func<T, StreamEvent, DealChange, T> apply)
    {
        var states = new List<(StreamEvent Event, T State)> { (first, registered) };
        foreach (var e in rest.OrderBy(e => e.Envelope.EffectiveDate).ThenBy(e => e.Sequence))
        {
            states.Add((e, apply(states[^1].State, e, DealChange.Of(e))));
        }
        return states;
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Each party's PARTY_TO relationship, from the deal's first event until its ending, if any.</summary>
    private static void Parties(Deal deal, StreamEvent first, StreamEvent? ended, GraphBuilder graph)
    {
        var to = ended?.Envelope.EffectiveDate;
        foreach (var party in deal.Parties)
        {
            graph.Edge(new PartyTo(party.OrganizationId, deal.Id, first.Envelope.EffectiveDate,
                to < first.Envelope.EffectiveDate ? first.Envelope.EffectiveDate : to, Ids(first, ended), party.Role));
        }
    }
}
