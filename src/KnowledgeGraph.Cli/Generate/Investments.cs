using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>
/// Investments: funders back companies with grants, loans and stakes; companies buy controlling stakes in earlier
/// ones, which makes ownership chains (a later firm owns an earlier one, so chains never loop).
/// </summary>
internal static class Investments
{
    private sealed record Deal(Org Investor, Org Target, string Instrument, decimal? Stake);

    private static readonly (string Instrument, int Weight)[] GovernmentInstruments =
        [("grant", 35), ("loan", 35), ("equity", 10), ("convertible", 10), ("prepayment", 10)];

    private static readonly (string Instrument, int Weight)[] InvestorInstruments =
        [("equity", 60), ("convertible", 20), ("loan", 15), ("prepayment", 5)];

    private static readonly (string Status, int Weight)[] Statuses = [("completed", 60), ("announced", 28), ("proposed", 12)];

    public static IEnumerable<EventEnvelope> Of(Org org, Generation g)
    {
        var random = g.Random;
        if (org.IsFunder)
        {
            var government = org.Kind == "government-agency";
            for (var n = 1 + random.Count(2.5); n > 0; n--)
            {
                var instrument = random.Weighted(government ? GovernmentInstruments : InvestorInstruments);
                if (g.Orgs.Company(random, org.Country, government ? 0.85 : 0.5) is { } target
                    && StakeFor(instrument, target, random) is (true, var stake))
                {
                    yield return Make(new Deal(org, target, instrument, stake), g);
                }
            }
        }
        if (!org.IsCompany)
        {
            yield break;
        }
        if (random.Chance(0.35) && g.Orgs.Company(random, org.Country, 0.6) is { HasMajorityOwner: false } acquired
            && StakeFor("acquisition", acquired, random) is (true, var control))
        {
            acquired.HasMajorityOwner = true;
            yield return Make(new Deal(org, acquired, "acquisition", control), g);
        }
        if (random.Chance(0.45) && g.Orgs.Funders.Count > 0)
        {
            var backer = random.Chance(0.7) ? random.Pick(g.Orgs.Funders) : g.Orgs.Company(random, org.Country, 0.3);
            var instrument = random.Weighted(InvestorInstruments);
            if (backer is not null && StakeFor(instrument, org, random) is (true, var stake))
            {
                yield return Make(new Deal(backer, org, instrument, stake), g);
            }
        }
    }

    /// <summary>The stake a deal takes, if it takes one that still fits in what is left of the target.</summary>
    private static (bool Fits, decimal? Stake) StakeFor(string instrument, Org target, Random random)
    {
        decimal? stake = instrument switch
        {
            "acquisition" => random.Chance(0.4) ? 100m : random.Next(51, 100),
            "equity" or "convertible" => Math.Round((decimal)(1 + (random.NextDouble() * 29)), 1),
            _ => null,
        };
        if (stake is { } s && target.StakeSold + s > 100)
        {
            return (false, null);
        }
        target.StakeSold += stake ?? 0;
        return (true, stake);
    }

    private static EventEnvelope Make(Deal deal, Generation g)
    {
        var random = g.Random;
        var (investor, target) = (deal.Investor, deal.Target);
        var date = random.Between(investor.Registered > target.Registered ? investor.Registered : target.Registered, Timeline.End);
        var dealId = g.NextId("inv", date);
        var status = random.Weighted(Statuses);
        var country = CountryMix.Profiles.First(p => p.Code == investor.Country);
        decimal? amount = random.Chance(0.7) ? Math.Round((decimal)Math.Pow(10, 1 + (random.NextDouble() * 2.9)) * country.PerUsd) * 100_000 : null;
        var id = $"evt-{dealId}";
        var title = Title(deal, status);
        if (!ScheduleProgress(dealId, id, deal, status, date, g) && !ScheduleStakeChange(dealId, id, deal, status, date, g))
        {
            Retractions.Maybe(id, date, g);
        }
        return new EventEnvelope(id, date, g.Sources.From(investor, id, date, title),
            new InvestmentMade(dealId, investor.Id, target.Id, deal.Instrument, status, amount, amount is null ? null : country.Currency, deal.Stake));
    }

    /// <summary>An announced or proposed deal later completes or falls through; false when nothing follows it.</summary>
    private static bool ScheduleProgress(string dealId, string eventId, Deal deal, string status, DateOnly since, Generation g)
    {
        var random = g.Random;
        var draw = random.NextDouble();
        var next = status switch
        {
            "proposed" => draw < 0.45 ? "announced" : draw < 0.6 ? "completed" : draw < 0.8 ? "cancelled" : null,
            "announced" => draw < 0.7 ? "completed" : draw < 0.85 ? "cancelled" : null,
            _ => null,
        };
        if (next is null || Timeline.After(random, since, 30, 700) is not { } date)
        {
            return false;
        }
        g.Later.At(g.Soon(), () =>
        {
            if (!ScheduleProgress(dealId, eventId, deal, next, date, g))
            {
                ScheduleStakeChange(dealId, eventId, deal, next, date, g);
            }
            var id = $"{eventId}-{next}";
            return new EventEnvelope(id, date, g.Sources.From(deal.Investor, id, date, Title(deal, next)),
                new InvestmentStatusChanged(dealId, next));
        });
        return true;
    }

    /// <summary>
    /// Some completed stakes are later reduced or sold (never raised, so that the stakes in a firm stay within 100 %);
    /// false when nothing follows.
    /// </summary>
    private static bool ScheduleStakeChange(string dealId, string eventId, Deal deal, string status, DateOnly since, Generation g)
    {
        var random = g.Random;
        if (status != "completed" || deal.Instrument is not ("equity" or "acquisition") || deal.Stake is not { } stake
            || !random.Chance(0.2) || Timeline.After(random, since, 180, 2500) is not { } date)
        {
            return false;
        }
        var reduced = Math.Round(stake * (decimal)(0.3 + (random.NextDouble() * 0.6)), 1);
        var next = random.Chance(0.4) || reduced <= 0 || reduced == stake ? 0 : reduced;
        g.Later.At(g.Soon(), () =>
        {
            var id = $"{eventId}-stake-{next}";
            var title = next == 0 ? $"{deal.Investor.Name} sells its stake in {deal.Target.Name}" : $"{deal.Investor.Name} cuts its stake in {deal.Target.Name} to {next}%";
            return new EventEnvelope(id, date, g.Sources.From(deal.Investor, id, date, title), new StakeChanged(dealId, next));
        });
        return true;
    }

    private static string Title(Deal deal, string status)
    {
        var (investor, target) = (deal.Investor.Name, deal.Target.Name);
        if (status == "cancelled")
        {
            return $"{investor} drops its planned investment in {target}";
        }
        var done = status == "completed";
        return deal.Instrument switch
        {
            "acquisition" => done ? $"{investor} completes acquisition of {deal.Stake}% of {target}" : $"{investor} to acquire {deal.Stake}% of {target}",
            "equity" or "convertible" => done ? $"{investor} takes a {deal.Stake}% stake in {target}" : $"{investor} to take a {deal.Stake}% stake in {target}",
            "grant" => $"{investor} awards grant to {target}",
            "loan" => $"{investor} extends loan to {target}",
            _ => $"{investor} prepays {target} for future supply",
        };
    }
}
