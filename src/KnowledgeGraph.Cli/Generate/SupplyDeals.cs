using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>
/// Supply agreements between a new company and earlier ones, down the chain: the new company buys what the
/// stage above it makes and sells to the stage below. Some end later; a few turn out to be reported in error.
/// </summary>
internal static class SupplyDeals
{
    private static readonly string[] EndReasons =
    [
        "Contract expired and was not renewed", "Buyer moved to a domestic supplier", "Export licence was not renewed",
        "Supplier's plant closed", "Tariffs made the contract uneconomic", "Volumes were folded into a new long-term agreement",
    ];

    private static readonly string[] StockpileStages = ["separation", "metal", "magnet"];

    /// <summary>How many deals a new company signs compared with the chain's base rates.</summary>
    private const double Intensity = 2.7;

    public static IEnumerable<EventEnvelope> Of(Org org, Generation g)
    {
        var random = g.Random;
        if (org.Kind == "government-agency" && random.Chance(0.4)
            && g.Orgs.CompanyAt(random, random.Pick(StockpileStages), org.Country, 0.7) is { } stockpiler)
        {
            yield return Sign(stockpiler, org, random.Pick(SupplyChain.Outputs[stockpiler.Stages[0]]), g);
        }
        if (!org.IsCompany)
        {
            yield break;
        }
        foreach (var flow in SupplyChain.Flows)
        {
            if (org.Stages.Contains(flow.BuyerStage))
            {
                for (var n = random.Count(flow.DealsPerBuyer * Intensity); n > 0; n--)
                {
                    if (g.Orgs.CompanyAt(random, flow.SupplierStage, org.Country, 0.3) is { } supplier)
                    {
                        yield return Sign(supplier, org, random.Pick(flow.Products), g);
                    }
                }
            }
            if (org.Stages.Contains(flow.SupplierStage))
            {
                for (var n = random.Count(flow.DealsPerSupplier * Intensity); n > 0; n--)
                {
                    if (g.Orgs.CompanyAt(random, flow.BuyerStage, org.Country, 0.3) is { } buyer)
                    {
                        yield return Sign(org, buyer, random.Pick(flow.Products), g);
                    }
                }
            }
        }
    }

    private static EventEnvelope Sign(Org supplier, Org buyer, string product, Generation g)
    {
        var random = g.Random;
        var date = random.Between(Later(supplier.Registered, buyer.Registered), Timeline.End);
        var dealId = g.NextId("sup", date);
        var signed = random.Chance(0.85);
        var (low, high) = SupplyChain.Volume(product);
        decimal? volume = random.Chance(0.75) ? random.Next(low, high) : null;
        DateOnly? start = random.Chance(0.45) ? date.AddDays(random.Next(0, 366)) : null;
        DateOnly? end = start is { } s && random.Chance(0.6) ? s.AddYears(random.Next(1, 11)) : null;
        var id = $"evt-{dealId}";
        var title = signed
            ? $"{supplier.Name} signs {product} supply agreement with {buyer.Name}"
            : $"{supplier.Name} in talks to supply {product} to {buyer.Name}";

        var endsBy = end is { } e && e <= Timeline.End ? e : Timeline.After(random, date, 180, 3000);
        if (endsBy is { } ended && random.Chance(signed ? 0.2 : 0.35))
        {
            g.Later.At(g.Soon(), () =>
            {
                var endId = $"{id}-ended";
                return new EventEnvelope(endId, ended, g.Sources.News(endId, ended, $"{supplier.Name} and {buyer.Name} end {product} supply agreement"),
                    new SupplyAgreementEnded(dealId, random.Chance(0.7) ? random.Pick(EndReasons) : null));
            });
        }
        else if (!signed && random.Chance(0.4) && Timeline.After(random, date, 30, 600) is { } signedOn)
        {
            g.Later.At(g.Soon(), () =>
            {
                var signId = $"{id}-signed";
                return new EventEnvelope(signId, signedOn, g.Sources.News(signId, signedOn, $"{supplier.Name} and {buyer.Name} sign {product} supply agreement"),
                    new SupplyAgreementStatusChanged(dealId, "signed"));
            });
        }
        else
        {
            Retractions.Maybe(id, date, g);
        }
        return new EventEnvelope(id, date, g.Sources.From(supplier, id, date, title),
            new SupplyAgreementSigned(dealId, supplier.Id, buyer.Id, product, signed ? "signed" : "proposed", volume, start, end));
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
