using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>Joint ventures, MoUs, licences, alliances and research programmes between a new organization and earlier ones.</summary>
internal static class Partnerships
{
    private static readonly (string Kind, int Weight)[] CompanyKinds =
        [("joint-venture", 30), ("mou", 30), ("technology-licence", 15), ("strategic-alliance", 15), ("tolling", 10)];

    private static readonly (string Status, int Weight)[] Statuses = [("proposed", 10), ("announced", 45), ("active", 45)];

    private static readonly string[] EndReasons = ["The joint venture was dissolved", "The memorandum lapsed", "Superseded by a supply agreement", "One party withdrew"];

    public static IEnumerable<EventEnvelope> Of(Org org, Generation g)
    {
        var random = g.Random;
        var (likely, most) = org.Kind switch
        {
            "company" => (0.6, 1),
            "research" => (0.9, 2),
            "consortium" => (1.0, 4),
            _ => (0.15, 1),
        };
        if (!random.Chance(likely) || g.Orgs.Companies.Count == 0)
        {
            yield break;
        }
        var parties = new List<Org> { org };
        for (var i = random.Next(1, most + 1); i > 0; i--)
        {
            if (g.Orgs.Company(random, org.Country, 0.5) is { } other && !parties.Contains(other))
            {
                parties.Add(other);
            }
        }
        if (parties.Count >= 2)
        {
            yield return Form(parties, g);
        }
    }

    private static EventEnvelope Form(List<Org> parties, Generation g)
    {
        var random = g.Random;
        var kind = parties[0].Kind switch
        {
            "research" => "research",
            "consortium" => "strategic-alliance",
            _ => random.Weighted(CompanyKinds),
        };
        var date = random.Between(parties.Max(p => p.Registered), Timeline.End);
        var dealId = g.NextId("pt", date);
        var stages = parties.SelectMany(p => p.Stages).Where(s => s != "manufacturing").ToList();
        var products = stages.Count > 0 && random.Chance(0.6) ? random.Some(SupplyChain.Outputs[random.Pick(stages)], 2) : null;
        var id = $"evt-{dealId}";
        var names = string.Join(" and ", parties.Select(p => p.Name));
        var title = $"{names} form a {kind.Replace('-', ' ')}";
        var status = random.Weighted(Statuses);

        if (random.Chance(0.2) && Timeline.After(random, date, 180, 2500) is { } ended)
        {
            g.Later.At(g.Soon(), () =>
            {
                var endId = $"{id}-ended";
                return new EventEnvelope(endId, ended, g.Sources.News(endId, ended, $"{names} end their {kind.Replace('-', ' ')}"),
                    new PartnershipEnded(dealId, random.Chance(0.7) ? random.Pick(EndReasons) : null));
            });
        }
        else if (status != "active" && random.Chance(0.35) && Timeline.After(random, date, 60, 900) is { } active)
        {
            g.Later.At(g.Soon(), () =>
            {
                var activeId = $"{id}-active";
                return new EventEnvelope(activeId, active, g.Sources.News(activeId, active, $"{names} start their {kind.Replace('-', ' ')}"),
                    new PartnershipStatusChanged(dealId, "active"));
            });
        }
        else
        {
            Retractions.Maybe(id, date, g);
        }
        return new EventEnvelope(id, date, g.Sources.From(parties[0], id, date, title),
            new PartnershipFormed(dealId, parties.Select(p => p.Id).ToList(), kind, status, products));
    }
}
