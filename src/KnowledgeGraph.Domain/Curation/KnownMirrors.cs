namespace KnowledgeGraph.Domain.Curation;

/// <summary>
/// Sites that republish other publishers' articles (wire mirrors, aggregators, rewriters). A fact must cite the
/// original publisher; a URL on one of these hosts (or a subdomain of one) is refused by the data check.
/// </summary>
public static class KnownMirrors
{
    public static readonly IReadOnlySet<string> Hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "advfn.com", "asopctrack.com", "bastillepost.com", "benchmark-source-core.pages.dev", "brief.news",
        "cloudfront.net", "dispatchcontrol.com", "devdiscourse.com", "evrimagaci.org", "finanzen.at",
        "finanznachrichten.de", "globalreesventure.com", "inkhabar.com", "inkl.com", "investegate.co.uk",
        "investing.com", "indonesia-news.biz", "kitco.com", "marketscreener.com", "metrolatinousa.com",
        "middle.news", "miningnorth.com", "mondaq.com", "mooo.com", "nasdaq.com", "quantisnow.com",
        "rough-polished.expert", "sentifin.ai", "sightlineu3o8.com", "stocktitan.net", "thecheapinvestor.com",
        "tresorfx.com", "urdupoint.com", "wallstreet-online.de", "wedoany.com", "01net.it",
        "media.dealstreetasia.com",
    };

    public static bool IsMirror(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && Hosts.Any(host => uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
                             || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));
}
