using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using static KnowledgeGraph.Graph.Projection.GraphBuilder;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>Investments, partnerships and supply agreements: a Deal node, its parties, and the edges it implies.</summary>
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

    private static void Investment(InvestmentMade made, StreamEvent first, List<StreamEvent> changes, GraphBuilder graph)
    {
        var statuses = Timeline.Periods([(first, WireName.Parse<DealStatus>(made.Status)), .. changes
            .Where(c => c.Envelope.Data is InvestmentStatusChanged)
            .Select(c => (c, WireName.Parse<DealStatus>(((InvestmentStatusChanged)c.Envelope.Data).Status)))]);
        var deal = new Investment(made.DealId, first.Envelope.EffectiveDate, NodeIds([first, .. changes]),
            statuses.Count > 0 ? statuses[^1].Value : WireName.Parse<DealStatus>(made.Status), WireName.Parse<InvestmentInstrument>(made.Instrument),
            made.InvestorId, made.TargetId, made.Amount, made.Currency, made.StakePercent);
        var stakes = Stakes(deal, statuses.FirstOrDefault(p => p.Value == DealStatus.Completed), changes.Where(c => c.Envelope.Data is StakeChanged).ToList(), graph);
        graph.Node(deal with { StakePercent = stakes.Count > 0 ? stakes[^1].Value : made.StakePercent });
        foreach (var period in statuses)
        {
            graph.Edge(new InvestedIn(made.InvestorId, made.TargetId, period.From, period.To, Ids(period.Source, period.ClosedBy),
                made.DealId, period.Value, deal.Instrument, made.StakePercent, made.Amount, made.Currency));
        }
        foreach (var period in stakes.Where(p => p.Value > 0))
        {
            graph.Edge(new Owns(made.InvestorId, made.TargetId, period.From, period.To, Ids(period.Source, period.ClosedBy), made.DealId, period.Value!.Value));
        }
        Parties(deal, first, null, graph);
    }

    /// <summary>
    /// Ownership counts from completion, for stakes taken as equity or by acquisition, and follows each StakeChanged
    /// until a stake of 0 (sold).
    /// </summary>
    private static List<Period<decimal?>> Stakes(Investment made, Period<DealStatus>? completed, List<StreamEvent> stakeChanges, GraphBuilder graph)
    {
        if (!made.TakesOwnership || completed is null)
        {
            stakeChanges.ForEach(c => graph.Error(c, "StakeChanged on an investment that is not a completed equity or acquisition stake"));
            return [];
        }
        stakeChanges.Where(c => c.Envelope.EffectiveDate < completed.From).ToList()
            .ForEach(c => graph.Error(c, "StakeChanged dated before the investment's completion"));
        return Timeline.Periods([(completed.Source, made.StakePercent), .. stakeChanges
            .Where(c => c.Envelope.EffectiveDate >= completed.From)
            .Select(c => (c, (decimal?)((StakeChanged)c.Envelope.Data).StakePercent))]);
    }

    private static void Partnership(PartnershipFormed formed, StreamEvent first, List<StreamEvent> rest, GraphBuilder graph)
    {
        var ended = rest.FirstOrDefault(e => e.Envelope.Data is PartnershipEnded);
        var statuses = Timeline.Periods([(first, formed.Status), .. rest
            .Where(c => c.Envelope.Data is PartnershipStatusChanged)
            .Select(c => (c, ((PartnershipStatusChanged)c.Envelope.Data).Status))]);
        var deal = new Partnership(formed.DealId, first.Envelope.EffectiveDate, NodeIds([first, .. rest]),
            ended is not null ? DealStatus.Ended : WireName.Parse<DealStatus>(statuses.Count > 0 ? statuses[^1].Value : formed.Status),
            WireName.Parse<PartnershipKind>(formed.Kind), formed.PartyIds, List(formed.Products), ended?.Envelope.EffectiveDate,
            (ended?.Envelope.Data as PartnershipEnded)?.Reason);
        graph.Node(deal);
        Parties(deal, first, ended, graph);
    }

    private static void Supply(SupplyAgreementSigned signed, StreamEvent first, List<StreamEvent> rest, GraphBuilder graph)
    {
        var ended = rest.FirstOrDefault(e => e.Envelope.Data is SupplyAgreementEnded);
        var statuses = Timeline.Periods([(first, WireName.Parse<DealStatus>(signed.Status)), .. rest
            .Where(c => c.Envelope.Data is SupplyAgreementStatusChanged)
            .Select(c => (c, WireName.Parse<DealStatus>(((SupplyAgreementStatusChanged)c.Envelope.Data).Status)))]);
        var status = statuses.Count > 0 ? statuses[^1].Value : WireName.Parse<DealStatus>(signed.Status);
        var deal = new SupplyAgreement(signed.DealId, first.Envelope.EffectiveDate, NodeIds([first, .. rest]), ended is null ? status : DealStatus.Ended,
            signed.SupplierId, signed.BuyerId, signed.Product, Products.CategoryByProduct.GetValueOrDefault(signed.Product), signed.VolumeTonnesPerYear,
            signed.StartDate, signed.EndDate, ended?.Envelope.EffectiveDate, (ended?.Envelope.Data as SupplyAgreementEnded)?.Reason);
        graph.Node(deal);

        // In force within the agreement's window, one version per status within it (proposed until signed). The status
        // it was signed with holds from the start of the window (a start date may be earlier than the signing); a later
        // change of status holds from its own date.
        var (from, to) = (deal.InForceFrom, deal.InForceTo);
        var versions = statuses
            .Select((p, i) => (Period: p, From: i > 0 && p.From > from ? p.From : from, To: Earlier(p.To, to)))
            .Where(v => v.To is null || v.From < v.To)
            .ToList();
        if (versions.Count == 0)
        {
            versions.Add((statuses.Count > 0 ? statuses[^1] : new Period<DealStatus>(from, to, status, first, null), from, to));
        }
        foreach (var (period, start, end) in versions)
        {
            graph.Edge(new Supplies(signed.SupplierId, signed.BuyerId, start, end, Ids(first, period.Source, period.ClosedBy, end == to ? ended : null),
                signed.DealId, signed.Product, deal.Category, period.Value, signed.VolumeTonnesPerYear));
        }
        Parties(deal, first, ended, graph);
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
