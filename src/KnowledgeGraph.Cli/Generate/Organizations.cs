using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>Registers an organization: its country, kind, stages and needs; now and then renamed later on.</summary>
internal static class Organizations
{
    private static readonly (string Kind, int Weight)[] Kinds =
        [("company", 82), ("investor", 7), ("government-agency", 4), ("research", 4), ("consortium", 3)];

    private static readonly (CountryProfile Profile, int Weight)[] CountryWeights =
        CountryMix.Profiles.Select(p => (p, p.Weight)).ToArray();

    public static (Org Org, EventEnvelope Registered) Register(int number, Generation g)
    {
        var random = g.Random;
        var country = random.Weighted(CountryWeights);
        var kind = random.Weighted(Kinds);
        var stages = kind == "company" ? StagesOf(random) : [];
        var (core, suffix) = Names.For(random, country, kind, stages.FirstOrDefault());
        var name = suffix.Length > 0 ? $"{core} {suffix}" : core;
        var org = new Org($"{Names.Slug(core)}-{number}", name, country.Code, kind, stages, random.Between(Timeline.Start, Timeline.LastRegistration));

        var initials = Names.Initials(core);
        var data = new OrganizationRegistered(
            org.Id, name, org.Country, kind,
            stages.Count > 0 ? stages : null,
            initials.Length >= 2 && random.Chance(0.3) ? [initials] : null,
            NeedsOf(random, stages));
        var id = $"evt-org-{org.Id}";
        var registered = new EventEnvelope(id, org.Registered, g.Sources.From(org, id, org.Registered, $"About {name}"), data);

        if (random.Chance(0.06))
        {
            ScheduleRename(org, core, country, g);
        }
        return (org, registered);
    }

    /// <summary>One stage, or a run of neighbouring ones for an integrated producer; magnet makers often recycle too.</summary>
    private static List<string> StagesOf(Random random)
    {
        var first = random.Weighted(SupplyChain.StageWeights);
        var stages = new List<string> { first };
        var position = SupplyChain.Order.ToList().IndexOf(first);
        while (position >= 0 && position + 1 < SupplyChain.Order.Count && random.Chance(0.2))
        {
            stages.Add(SupplyChain.Order[++position]);
        }
        if (stages[^1] == "magnet" && random.Chance(0.15))
        {
            stages.Add("recycling");
        }
        return stages;
    }

    private static IReadOnlyList<string>? NeedsOf(Random random, List<string> stages)
    {
        if (stages.Count == 0 || !SupplyChain.Needs.TryGetValue(stages[0], out var choices))
        {
            return null;
        }
        var likely = stages[0] == "manufacturing" ? 0.95 : 0.6;
        return random.Chance(likely) ? random.Pick(choices) : null;
    }

    private static void ScheduleRename(Org org, string core, CountryProfile country, Generation g)
    {
        if (Timeline.After(g.Random, org.Registered, 365, 4000) is not { } date)
        {
            return;
        }
        var renamed = $"{core} Holdings {g.Random.Pick(country.Suffixes)}".TrimEnd();
        g.Later.At(g.Soon(), () =>
        {
            var id = $"evt-org-{org.Id}-renamed";
            var title = $"{org.Name} renames itself {renamed}";
            return new EventEnvelope(id, date, g.Sources.From(org, id, date, title),
                new OrganizationUpdated(org.Id, Name: renamed, Aliases: [org.Name]));
        });
    }
}
