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
                if (StreamFolder.Open<InvestmentMade>(active, everRegistered, graph, d => d is InvestmentStatusChanged) is { } investment)
                {
                    Investment(investment.Registration, investment.Event, investment.Rest, graph);
                }
                break;
            case PartnershipFormed:
                if (StreamFolder.Open<PartnershipFormed>(active, everRegistered, graph, d => d is PartnershipEnded) is { } partnership)
                {
                    Partnership(partnership.Registration, partnership.Event, partnership.Rest.FirstOrDefault(), graph);
                }
                break;
            default:
                if (StreamFolder.Open<SupplyAgreementSigned>(active, everRegistered, graph, d => d is SupplyAgreementEnded) is { } supply)
                {
                    Supply(supply.Registration, supply.Event, supply.Rest.FirstOrDefault(), graph);
                }
                break;
        }
    }

    private static void Investment(InvestmentMade made, StreamEvent first, List<StreamEvent> changes, GraphBuilder graph)
    {
        var statuses = Timeline.Periods([(first, made.Status), .. changes.Select(c => (c, ((InvestmentStatusChanged)c.Envelope.Data).Status))]);
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
            ["stakePercent"] = made.StakePercent,
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
        // Ownership counts from completion, for stakes taken as equity or by acquisition.
        if (made.Instrument is "equity" or "acquisition" && made.StakePercent is { } stake
            && statuses.FirstOrDefault(p => p.Value == "completed") is { } completed)
        {
            graph.Edge(Relationships.Owns, Org(made.InvestorId), Org(made.TargetId), made.DealId, completed.From, null,
                new JsonObject { ["dealId"] = made.DealId, ["stakePercent"] = stake }, completed.Source);
        }
        Party(made.InvestorId, "investor", deal, first, null, graph);
        Party(made.TargetId, "target", deal, first, null, graph);
    }

    private static void Partnership(PartnershipFormed formed, StreamEvent first, StreamEvent? ended, GraphBuilder graph)
    {
        var deal = (Labels.Deal, formed.DealId);
        graph.Node(Labels.Deal, formed.DealId, first.Envelope.EffectiveDate, new JsonObject
        {
            ["kind"] = "partnership",
            ["partnershipKind"] = formed.Kind,
            ["status"] = ended is null ? formed.Status : "ended",
            ["partyIds"] = Array(formed.PartyIds),
            ["products"] = Array(formed.Products),
            ["endedOn"] = Date(ended?.Envelope.EffectiveDate),
            ["endReason"] = (ended?.Envelope.Data as PartnershipEnded)?.Reason,
        }, ended is null ? [first] : [first, ended]);
        foreach (var party in formed.PartyIds.Distinct(StringComparer.Ordinal))
        {
            Party(party, "party", deal, first, ended, graph);
        }
    }

    private static void Supply(SupplyAgreementSigned signed, StreamEvent first, StreamEvent? ended, GraphBuilder graph)
    {
        var deal = (Labels.Deal, signed.DealId);
        var category = Products.CategoryByProduct.GetValueOrDefault(signed.Product);
        graph.Node(Labels.Deal, signed.DealId, first.Envelope.EffectiveDate, new JsonObject
        {
            ["kind"] = "supply",
            ["status"] = ended is null ? signed.Status : "ended",
            ["supplierId"] = signed.SupplierId,
            ["buyerId"] = signed.BuyerId,
            ["product"] = signed.Product,
            ["category"] = category,
            ["volumeTonnesPerYear"] = signed.VolumeTonnesPerYear,
            ["startDate"] = Date(signed.StartDate),
            ["endDate"] = Date(signed.EndDate),
            ["endedOn"] = Date(ended?.Envelope.EffectiveDate),
            ["endReason"] = (ended?.Envelope.Data as SupplyAgreementEnded)?.Reason,
        }, ended is null ? [first] : [first, ended]);

        // In force from its start (else its effective date) until its end date or the effective date of its ending.
        var from = signed.StartDate ?? first.Envelope.EffectiveDate;
        DateOnly? to = new[] { signed.EndDate, ended?.Envelope.EffectiveDate }.Where(d => d is not null).Min();
        if (to < from)
        {
            to = from;
        }
        graph.Edge(Relationships.Supplies, Org(signed.SupplierId), Org(signed.BuyerId), signed.DealId, from, to, new JsonObject
        {
            ["dealId"] = signed.DealId,
            ["product"] = signed.Product,
            ["category"] = category,
            ["status"] = signed.Status,
            ["volumeTonnesPerYear"] = signed.VolumeTonnesPerYear,
        }, first, ended);
        Party(signed.SupplierId, "supplier", deal, first, ended, graph);
        Party(signed.BuyerId, "buyer", deal, first, ended, graph);
    }

    private static void Party(string orgId, string role, (string, string) deal, StreamEvent first, StreamEvent? ended, GraphBuilder graph)
    {
        var to = ended?.Envelope.EffectiveDate;
        graph.Edge(Relationships.PartyTo, Org(orgId), deal, role, first.Envelope.EffectiveDate,
            to < first.Envelope.EffectiveDate ? first.Envelope.EffectiveDate : to,
            new JsonObject { ["role"] = role }, first, ended);
    }
}
