using System.Text.RegularExpressions;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>
/// How every adapter ranks a search (see <see cref="IGraphReader.SearchAsync"/>): first what the text names exactly (a
/// name or title equal to it, or the id it spells, so "Lynas" finds lynas before lynas-malaysia), then organizations
/// before facilities and policies, then names starting with the text, then by name.
/// </summary>
public static partial class SearchRanking
{
    /// <summary>The text lower-cased, as the stored search text is.</summary>
    public static string Text(string text) => text.ToLowerInvariant();

    /// <summary>The id the text spells: lower-cased, each run of other characters than letters and digits a hyphen.</summary>
    public static string Slug(string text) => NotSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
