using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>The real accession dates of the generated countries to NATO, the EU, the G7, the Quad and the MSP.</summary>
internal static class BlocHistory
{
    private sealed record Change(string Bloc, string Date, bool Joins, string[] Countries);

    private static readonly Change[] Changes =
    [
        new("NATO", "1949-08-24", true, ["US", "CA", "GB", "FR", "IT", "NL", "BE", "NO", "DK"]),
        new("NATO", "1955-05-06", true, ["DE"]),
        new("NATO", "1982-05-30", true, ["ES"]),
        new("NATO", "1999-03-12", true, ["PL", "CZ"]),
        new("NATO", "2004-03-29", true, ["EE"]),
        new("NATO", "2023-04-04", true, ["FI"]),
        new("NATO", "2024-03-07", true, ["SE"]),
        new("EU", "1958-01-01", true, ["BE", "DE", "FR", "IT", "NL"]),
        new("EU", "1973-01-01", true, ["DK", "GB"]),
        new("EU", "1986-01-01", true, ["ES"]),
        new("EU", "1995-01-01", true, ["AT", "FI", "SE"]),
        new("EU", "2004-05-01", true, ["CZ", "EE", "PL"]),
        new("EU", "2020-01-31", false, ["GB"]),
        new("G7", "1975-11-15", true, ["US", "JP", "DE", "FR", "GB", "IT"]),
        new("G7", "1976-06-27", true, ["CA"]),
        new("QUAD", "2017-11-12", true, ["US", "JP", "AU", "IN"]),
        new("MSP", "2022-06-14", true, ["US", "AU", "CA", "FI", "FR", "DE", "JP", "KR", "SE", "GB"]),
        new("MSP", "2023-06-21", true, ["IN"]),
    ];

    public static IEnumerable<EventEnvelope> Events()
    {
        foreach (var change in Changes)
        {
            var date = DateOnly.Parse(change.Date, System.Globalization.CultureInfo.InvariantCulture);
            var source = SourceOf(change.Bloc, change.Joins, date);
            foreach (var country in change.Countries)
            {
                var id = $"evt-bloc-{change.Bloc.ToLowerInvariant()}-{country.ToLowerInvariant()}-{(change.Joins ? "join" : "leave")}";
                CatalogEvent data = change.Joins ? new BlocJoined(country, change.Bloc) : new BlocLeft(country, change.Bloc);
                yield return new EventEnvelope(id, date, source, data);
            }
        }
    }

    private static Source SourceOf(string bloc, bool joins, DateOnly date) => (bloc, joins) switch
    {
        ("NATO", _) => new Source("Member countries", "NATO", "https://www.nato.int/cps/en/natohq/topics_52044.htm"),
        ("EU", true) => new Source("EU member countries", "European Union", "https://european-union.europa.eu/principles-countries-history/eu-countries_en"),
        ("EU", false) => new Source("The EU-UK Withdrawal Agreement enters into force", "European Commission", "https://commission.europa.eu/strategy-and-policy/relations-united-kingdom/eu-uk-withdrawal-agreement_en", date),
        ("G7", _) => new Source("What is the G7?", "G7 Research Group", "https://www.g7.utoronto.ca/"),
        ("QUAD", _) => new Source("Australia-India-Japan-United States consultations on the Indo-Pacific", "Department of Foreign Affairs and Trade", "https://www.dfat.gov.au/", date),
        _ => new Source("Minerals Security Partnership", "U.S. Department of State", "https://www.state.gov/minerals-security-partnership/", date),
    };
}
