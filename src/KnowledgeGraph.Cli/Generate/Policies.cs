using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>
/// The policies a government agency enacts: China controls exports and stockpiles, the others subsidise, lend and
/// screen investment. Some are amended or revoked later.
/// </summary>
internal static class Policies
{
    private static readonly (string Kind, int Weight)[] ChineseKinds =
        [("export-control", 35), ("stockpile", 15), ("price-floor", 10), ("investment-screening", 10), ("subsidy", 15), ("strategic-project", 15)];

    private static readonly (string Kind, int Weight)[] OtherKinds =
    [
        ("subsidy", 15), ("grant", 15), ("loan", 10), ("tax-credit", 12), ("strategic-project", 15), ("stockpile", 8),
        ("investment-screening", 10), ("import-tariff", 8), ("export-control", 4), ("sanction", 3),
    ];

    private static readonly string[] Supported = ["subsidy", "grant", "loan", "tax-credit", "strategic-project"];

    private static readonly string[] Targeting = ["export-control", "import-tariff", "sanction", "investment-screening"];

    private static readonly string[] EuMembers = ["AT", "BE", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "IT", "NL", "PL", "SE"];

    private static readonly string[] ChinaTargets = ["US", "JP", "DE", "KR", "GB", "FR", "AU", "CA"];

    private static readonly string[] Codes = [.. Products.CategoryByProduct.Keys, .. Products.Categories.Order(StringComparer.Ordinal)];

    public static IEnumerable<EventEnvelope> Of(Org org, Generation g)
    {
        if (org.Kind != "government-agency")
        {
            yield break;
        }
        for (var n = 2 + g.Random.Count(1); n > 0; n--)
        {
            yield return Enact(org, g);
        }
    }

    private static EventEnvelope Enact(Org agency, Generation g)
    {
        var random = g.Random;
        var chinese = agency.Country == "CN";
        var kind = random.Weighted(chinese ? ChineseKinds : OtherKinds);
        var jurisdiction = EuMembers.Contains(agency.Country) && random.Chance(0.2) ? "EU" : agency.Country;
        var date = random.Between(agency.Registered, Timeline.End);
        var policyId = g.NextId($"pol-{jurisdiction.ToLowerInvariant()}-{kind}", date);
        var products = random.Some(Codes, 3);
        var title = $"{(jurisdiction == "EU" ? "European Union" : Countries.NamesByCode[jurisdiction])} {date.Year}: {Describe(kind, string.Join(", ", products))}";
        var local = g.Orgs.CompaniesIn(agency.Country);
        List<string>? beneficiaries = Supported.Contains(kind) && local.Count > 0 && random.Chance(0.7)
            ? random.Some(local, 3).Select(o => o.Id).ToList() : null;
        List<string>? targets = Targeting.Contains(kind) && random.Chance(0.6)
            ? chinese ? random.Some(ChinaTargets, 3) : ["CN"] : null;
        var id = $"evt-{policyId}";
        ScheduleChanges(agency, policyId, id, title, date, g);
        return new EventEnvelope(id, date, g.Sources.From(agency, id, date, title),
            new PolicyEnacted(policyId, jurisdiction, kind, title, products, beneficiaries, targets));
    }

    /// <summary>An amendment widening the products, then perhaps a revocation, each later than the last.</summary>
    private static void ScheduleChanges(Org agency, string policyId, string eventId, string title, DateOnly since, Generation g)
    {
        var random = g.Random;
        var due = g.Current;
        if (random.Chance(0.3) && Timeline.After(random, since, 90, 1500) is { } amended)
        {
            due = g.Soon();
            since = amended;
            var widened = random.Some(Codes, 4);
            g.Later.At(due, () =>
            {
                var id = $"{eventId}-amended";
                return new EventEnvelope(id, amended, g.Sources.From(agency, id, amended, $"{title} (amended)"),
                    new PolicyAmended(policyId, Title: $"{title} (amended {amended.Year})", Products: widened));
            });
        }
        if (random.Chance(0.12) && Timeline.After(random, since, 90, 2000) is { } revoked)
        {
            g.Later.At(due + random.Next(1, 30), () =>
            {
                var id = $"{eventId}-revoked";
                return new EventEnvelope(id, revoked, g.Sources.From(agency, id, revoked, $"{title} revoked"), new PolicyRevoked(policyId));
            });
        }
    }

    private static string Describe(string kind, string products) => kind switch
    {
        "export-control" => $"export licensing for {products}",
        "import-tariff" => $"additional import tariff on {products}",
        "subsidy" => $"production subsidy for domestic {products}",
        "grant" => $"critical minerals grants for {products} capacity",
        "loan" => $"concessional loans for {products} projects",
        "tax-credit" => $"manufacturing tax credit for {products}",
        "strategic-project" => $"strategic projects in the {products} supply chain",
        "stockpile" => $"national stockpile purchases of {products}",
        "price-floor" => $"price floor for {products}",
        "sanction" => $"sanctions on {products} trade with listed entities",
        _ => $"foreign investment screening of {products} producers",
    };
}
