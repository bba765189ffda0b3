using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>
/// The sources generated events cite. Publishers are invented and links point to the reserved <c>.example</c>
/// domain: the data is synthetic, and must never read as if a real outlet had reported it.
/// </summary>
internal sealed class Sources(Random random)
{
    private static readonly (string Publisher, string Host)[] Newsrooms =
    [
        ("Rare Earth Wire", "rare-earth-wire.example"),
        ("Magnet Markets Daily", "magnet-markets.example"),
        ("Critical Minerals Review", "critical-minerals-review.example"),
        ("Asia Metals Journal", "asia-metals.example"),
        ("Mining Gazette", "mining-gazette.example"),
        ("Industrial Policy Monitor", "policy-monitor.example"),
        ("Supply Chain Ledger", "supply-chain-ledger.example"),
        ("Electric Drive Insider", "edrive-insider.example"),
    ];

    /// <summary>A news report about the event.</summary>
    public Source News(string eventId, DateOnly date, string title)
    {
        var (publisher, host) = random.Pick(Newsrooms);
        return Make(title, publisher, host, "news", eventId, date);
    }

    /// <summary>The organization's own announcement, or a news report of it.</summary>
    public Source From(Org org, string eventId, DateOnly date, string title) =>
        random.Chance(0.4) ? Make(title, org.Name, $"{org.Id}.example", "press", eventId, date) : News(eventId, date, title);

    private Source Make(string title, string publisher, string host, string section, string eventId, DateOnly date)
    {
        var url = random.Chance(0.85) ? $"https://{host}/{section}/{date.Year}/{eventId}" : null;
        DateOnly? published = random.Chance(0.7) ? date.AddDays(random.Next(0, 15)) : null;
        return new Source(title, publisher, url, published);
    }
}
