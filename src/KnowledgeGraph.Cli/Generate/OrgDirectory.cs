namespace KnowledgeGraph.Cli.Generate;

/// <summary>The organizations registered so far, indexed by what the generator looks them up by.</summary>
internal sealed class OrgDirectory
{
    private readonly List<Org> _companies = [];
    private readonly List<Org> _funders = [];
    private readonly Dictionary<string, List<Org>> _byStage = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, string Stage), List<Org>> _byCountryAndStage = [];
    private readonly Dictionary<string, List<Org>> _companiesByCountry = new(StringComparer.Ordinal);

    public IReadOnlyList<Org> Companies => _companies;

    public IReadOnlyList<Org> Funders => _funders;

    public void Add(Org org)
    {
        if (org.IsFunder)
        {
            _funders.Add(org);
        }
        if (!org.IsCompany)
        {
            return;
        }
        _companies.Add(org);
        ListOf(_companiesByCountry, org.Country).Add(org);
        foreach (var stage in org.Stages)
        {
            ListOf(_byStage, stage).Add(org);
            ListOf(_byCountryAndStage, (org.Country, stage)).Add(org);
        }
    }

    /// <summary>A company at the stage, from <paramref name="country"/> with the given likelihood when there is one.</summary>
    public Org? CompanyAt(Random random, string stage, string country, double sameCountry) =>
        random.Chance(sameCountry) && _byCountryAndStage.TryGetValue((country, stage), out var local)
            ? random.Pick(local)
            : _byStage.TryGetValue(stage, out var all) ? random.Pick(all) : null;

    /// <summary>A company, from <paramref name="country"/> with the given likelihood when there is one.</summary>
    public Org? Company(Random random, string country, double sameCountry) =>
        random.Chance(sameCountry) && _companiesByCountry.TryGetValue(country, out var local)
            ? random.Pick(local)
            : _companies.Count > 0 ? random.Pick(_companies) : null;

    public IReadOnlyList<Org> CompaniesIn(string country) =>
        _companiesByCountry.TryGetValue(country, out var local) ? local : [];

    private static List<Org> ListOf<TKey>(Dictionary<TKey, List<Org>> index, TKey key) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        return list;
    }
}
