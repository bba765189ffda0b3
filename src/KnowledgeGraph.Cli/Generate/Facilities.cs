using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>The plants of a company, with their capacities, and how their status moves over the years.</summary>
internal static class Facilities
{
    private static readonly (string Status, int Weight)[] OpeningStatuses =
        [("operating", 55), ("planned", 15), ("under-construction", 15), ("idle", 8), ("closed", 7)];

    private static readonly (CountryProfile Profile, int Weight)[] Abroad =
        CountryMix.Profiles.Select(p => (p, p.Weight)).ToArray();

    public static IEnumerable<EventEnvelope> Of(Org org, Generation g)
    {
        var random = g.Random;
        if (!org.IsCompany || (org.Stages[0] == "manufacturing" && random.Chance(0.4)))
        {
            yield break;
        }
        var count = 1 + random.Count(0.4);
        for (var i = 0; i < count; i++)
        {
            yield return Register(org, random.Pick(org.Stages), g);
        }
    }

    private static EventEnvelope Register(Org org, string stage, Generation g)
    {
        var random = g.Random;
        var country = random.Chance(0.85) ? CountryMix.Profiles.First(p => p.Code == org.Country) : random.Weighted(Abroad);
        var noun = SupplyChain.FacilityNoun(stage);
        var date = random.Between(org.Registered, Timeline.End);
        var facilityId = g.NextId(Names.Slug(noun), date);
        var name = $"{random.Pick(country.Places)} {noun}";
        var status = random.Weighted(OpeningStatuses);
        var (low, high) = SupplyChain.Capacity(stage);
        var products = stage == "manufacturing" ? null : random.Some(SupplyChain.Outputs[stage], 3);
        decimal? capacity = random.Chance(0.8) ? Math.Round(random.Next(low, high) / 50m) * 50 : null;
        var id = $"evt-fac-{facilityId}";
        var title = status is "planned" or "under-construction" ? $"{org.Name} plans {name}" : $"{org.Name} operates {name}";
        ScheduleNextStatus(facilityId, name, status, date, 1, g);
        ScheduleExpansion(facilityId, name, capacity, date, g);
        return new EventEnvelope(id, date, g.Sources.From(org, id, date, title),
            new FacilityRegistered(facilityId, name, org.Id, country.Code, stage, status, products, capacity));
    }

    /// <summary>Some plants are expanded later: a larger capacity, under a new name.</summary>
    private static void ScheduleExpansion(string facilityId, string name, decimal? capacity, DateOnly since, Generation g)
    {
        var random = g.Random;
        if (capacity is not { } current || !random.Chance(0.12) || Timeline.After(random, since, 200, 2000) is not { } date)
        {
            return;
        }
        var expanded = Math.Round(current * (decimal)(1.2 + random.NextDouble()) / 50m) * 50;
        g.Later.At(g.Soon(), () =>
        {
            var id = $"evt-fac-{facilityId}-expanded";
            return new EventEnvelope(id, date, g.Sources.News(id, date, $"{name} expands to {expanded} t/y"),
                new FacilityUpdated(facilityId, Name: $"{name} (expanded)", CapacityTonnesPerYear: expanded));
        });
    }

    /// <summary>Projects get built or dropped, plants idle and close; each change lands later in the file and in time.</summary>
    private static void ScheduleNextStatus(string facilityId, string name, string status, DateOnly since, int step, Generation g)
    {
        var random = g.Random;
        var draw = random.NextDouble();
        var next = status switch
        {
            "planned" => draw < 0.6 ? "under-construction" : draw < 0.65 ? "closed" : null,
            "under-construction" => draw < 0.75 ? "operating" : draw < 0.8 ? "idle" : null,
            "operating" => draw < 0.08 ? "idle" : draw < 0.11 ? "closed" : null,
            "idle" => draw < 0.4 ? "operating" : draw < 0.7 ? "closed" : null,
            _ => null,
        };
        if (next is null || Timeline.After(random, since, 120, 1200) is not { } date)
        {
            return;
        }
        g.Later.At(g.Soon(), () =>
        {
            ScheduleNextStatus(facilityId, name, next, date, step + 1, g);
            var id = $"evt-fac-{facilityId}-{step}-{next}";
            return new EventEnvelope(id, date, g.Sources.News(id, date, $"{name} is now {next.Replace('-', ' ')}"),
                new FacilityStatusChanged(facilityId, next));
        });
    }
}
