using System.Text.Json.Nodes;
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
        switch (active.Select(e => e.Envelope.Data).FirstOrDefault(d => d is InvestmentMade or PartnershipFormed or SupplyAgreementSigned))
        {
            case InvestmentMade:
                if (StreamFolder.Open<InvestmentMade>(active, everRegistered, graph, d => d is InvestmentStatusChanged or StakeChanged) is { } investment)
                {
                    Investment(investment.Registration, investment.Event, investment.Rest, graph);
                }
                break;
            case PartnershipFormed:
                if (StreamFolder.Open<PartnershipFormed>(active, everRegistered, graph, d => d is PartnershipStatusChanged or PartnershipEnded) is { } partnership)
                {
                    Partnership(partnership.Registration, partnership.Event, partnership.Rest, graph);
                }
                break;
            default:
                if (StreamFolder.Open<SupplyAgreementSigned>(active, everRegistered, graph, d => d is SupplyAgreementStatusChanged or SupplyAgreementEnded) is { } supply)
                {
                    Supply(supply.Registration, supply.Event, supply.Rest, graph);
                }
                break;
        }
    }

    private static void Investment(InvestmentMade made, StreamEvent first, List<StreamEvent> changes, GraphBuilder graph)
    {
        var statuses = Timeline.Periods([(first, made.Status), .. changes
            .Where(c => c.Envelope.Data is InvestmentStatusChanged)
            .Select(c => (c, ((InvestmentStatusChanged)c.Envelope.Data).Status))]);
        var stakes = Stakes(made, statuses.FirstOrDefault(p => p.Value == "completed"), changes.Where(c => c.Envelope.Data is StakeChanged).ToList(), graph);
        var deal = (Labels.Deal, made.DealId);
        graph.Node(Labels.Deal, made.DealId, first.Envelope.EffectiveDate, new JsonObject
        {
            ["kind"] = "investment",
            ["instrument"] = made.Instrument,
            ["status"] = statuses.Count > 0 ? statuses[^1].Value : made.Status,
            ["investorId"] = made.InvestorId,
            ["targetId"] = made.TargetId,
            ["amount"] = made.Amount,
            ["currency"] = made.Currency,
            ["stakePercent"] = stakes.Count > 0 ? stakes[^1].Value : made.StakePercent,
        }, [first, .. changes]);
        foreach (var period in statuses)
        {
            graph.Edge(Relationships.InvestedIn, Org(made.InvestorId), Org(made.TargetId), made.DealId, period.From, period.To, new JsonObject
            {
                ["dealId"] = made.DealId,
                ["status"] = period.Value,
                ["instrument"] = made.Instrument,
                ["stakePercent"] = made.StakePercent,
                ["amount"] = made.Amount,
                ["currency"] = made.Currency,
            }, period.Source, period.ClosedBy);
        }
        foreach (var period in stakes.Where(p => p.Value > 0))
        {
            graph.Edge(Relationships.Owns, Org(made.InvestorId), Org(made.TargetId), made.DealId, period.From, period.To,
                new JsonObject { ["dealId"] = made.DealId, ["stakePercent"] = period.Value }, period.Source, period.ClosedBy);
        }
        Party(made.InvestorId, "investor", deal, first, null, graph);
        Party(made.TargetId, "target", deal, first, null, graph);
    }

    /// <summary>
    /// Ownership counts from completion, for stakes taken as equity or by acquisition, and follows each StakeChanged
    /// until a stake of 0 (sold).
    /// </summary>
    private static List<Period<decimal?>> Stakes(InvestmentMade made, Period<string>? completed, List<StreamEvent> stakeChanges, GraphBuilder graph)
    {
        if (!Vocabularies.OwnershipInstruments.Contains(made.Instrument) || completed is null)
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
        var deal = (Labels.Deal, formed.DealId);
        graph.Node(Labels.Deal, formed.DealId, first.Envelope.EffectiveDate, new JsonObject
        {
            ["kind"] = "partnership",
            ["partnershipKind"] = formed.Kind,
            ["status"] = ended is not null ? "ended" : statuses.Count > 0 ? statuses[^1].Value : formed.Status,
            ["partyIds"] = Array(formed.PartyIds),
            ["products"] = Array(formed.Products),
            ["endedOn"] = Date(ended?.Envelope.EffectiveDate),
            ["endReason"] = (ended?.Envelope.Data as PartnershipEnded)?.Reason,
        }, [first, .. rest]);
        foreach (var party in formed.PartyIds.Distinct(StringComparer.Ordinal))
        {
            Party(party, "party", deal, first, ended, graph);
        }
    }

    private static void Supply(SupplyAgreementSigned signed, StreamEvent first, List<StreamEvent> rest, GraphBuilder graph)
    {
        var ended = rest.FirstOrDefault(e => e.Envelope.Data is SupplyAgreementEnded);
        var statuses = Timeline.Periods([(first, signed.Status), .. rest
            .Where(c => c.Envelope.Data is SupplyAgreementStatusChanged)
            .Select(c => (c, ((SupplyAgreementStatusChanged)c.Envelope.Data).Status))]);
        var status = statuses.Count > 0 ? statuses[^1].Value : signed.Status;
        var deal = (Labels.Deal, signed.DealId);
        var category = Products.CategoryByProduct.GetValueOrDefault(signed.Product);
        graph.Node(Labels.Deal, signed.DealId, first.Envelope.EffectiveDate, new JsonObject
        {
            ["kind"] = "supply",
            ["status"] = ended is null ? status : "ended",
            ["supplierId"] = signed.SupplierId,
            ["buyerId"] = signed.BuyerId,
            ["product"] = signed.Product,
            ["category"] = category,
            ["volumeTonnesPerYear"] = signed.VolumeTonnesPerYear,
            ["startDate"] = Date(signed.StartDate),
            ["endDate"] = Date(signed.EndDate),
            ["endedOn"] = Date(ended?.Envelope.EffectiveDate),
            ["endReason"] = (ended?.Envelope.Data as SupplyAgreementEnded)?.Reason,
        }, [first, .. rest]);

        // In force from its start (else its effective date) until its end date or the effective date of its ending,
        // one version per status within that window (proposed until signed).
        var from = signed.StartDate ?? first.Envelope.EffectiveDate;
        DateOnly? to = new[] { signed.EndDate, ended?.Envelope.EffectiveDate }.Where(d => d is not null).Min();
        if (to < from)
        {
            to = from;
        }
        var versions = statuses
            .Select(p => (Period: p, From: p.From > from ? p.From : from, To: Earlier(p.To, to)))
            .Where(v => v.To is null || v.From < v.To)
            .ToList();
        if (versions.Count == 0)
        {
            versions.Add((statuses.Count > 0 ? statuses[^1] : new Period<string>(from, to, status, first, null), from, to));
        }
        foreach (var (period, start, end) in versions)
        {
            graph.Edge(Relationships.Supplies, Org(signed.SupplierId), Org(signed.BuyerId), signed.DealId, start, end, new JsonObject
            {
                ["dealId"] = signed.DealId,
                ["product"] = signed.Product,
                ["category"] = category,
                ["status"] = period.Value,
                ["volumeTonnesPerYear"] = signed.VolumeTonnesPerYear,
            }, first, period.Source, period.ClosedBy, end == to ? ended : null);
        }
        Party(signed.SupplierId, "supplier", deal, first, ended, graph);
        Party(signed.BuyerId, "buyer", deal, first, ended, graph);
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static void Party(string orgId, string role, (string, string) deal, StreamEvent first, StreamEvent? ended, GraphBuilder graph)
    {
        var to = ended?.Envelope.EffectiveDate;
        graph.Edge(Relationships.PartyTo, Org(orgId), deal, role, first.Envelope.EffectiveDate,
            to < first.Envelope.EffectiveDate ? first.Envelope.EffectiveDate : to,
            new JsonObject { ["role"] = role }, first, ended);
    }
}
