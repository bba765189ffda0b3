using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>Organization names in the style of the industry, and the slugs made from them.</summary>
internal static class Names
{
    private static readonly Dictionary<string, string[]> Trades = new(StringComparer.Ordinal)
    {
        ["mining"] = ["Rare Earth Mining", "Mineral Resources", "Rare Earths", "Critical Minerals"],
        ["separation"] = ["Rare Earth Refining", "Separation Technology", "Rare Earth Materials", "Rare Earth Chemicals"],
        ["metal"] = ["Rare Earth Metals", "Metallurgy", "Specialty Metals"],
        ["alloy"] = ["Alloy Materials", "Advanced Alloys", "Magnetic Alloys"],
        ["magnet"] = ["Magnetics", "Magnet Technology", "Permanent Magnets", "Magnetic Materials", "New Materials"],
        ["recycling"] = ["Resource Recycling", "Circular Materials", "Magnet Recycling"],
        ["manufacturing"] = ["Motors", "Automotive", "Wind Power", "Electric", "Robotics", "Electronics", "E-Drive Systems", "Appliances", "Aerospace"],
    };

    private static readonly string[] Investors = ["Capital", "Investment Group", "Resources Fund", "Strategic Partners", "Industrial Fund"];

    private static readonly string[] Agencies =
    [
        "Ministry of Industry", "Export Credit Agency", "Development Bank", "Strategic Minerals Office",
        "Department of Energy", "Geological Survey", "Defence Procurement Agency",
    ];

    private static readonly string[] Institutes = ["Institute of Rare Earth Research", "University Magnet Laboratory", "Critical Materials Institute"];

    private static readonly string[] Consortia = ["Magnet Alliance", "Critical Minerals Consortium", "Rare Earth Industry Association"];

    /// <summary>The name without its legal suffix (which the slug leaves out), and the suffix.</summary>
    public static (string Core, string Suffix) For(Random random, CountryProfile country, string kind, string? stage) => kind switch
    {
        "company" => ($"{random.Pick(country.Places)} {random.Pick(Trades[stage!])}", random.Pick(country.Suffixes)),
        "investor" => ($"{random.Pick(country.Places)} {random.Pick(Investors)}", ""),
        "government-agency" => ($"{Domain.Vocabulary.Countries.NamesByCode[country.Code]} {random.Pick(Agencies)}", ""),
        "research" => ($"{random.Pick(country.Places)} {random.Pick(Institutes)}", ""),
        _ => ($"{random.Pick(country.Places)} {random.Pick(Consortia)}", ""),
    };

    /// <summary>The capital initials of a name, such as BPM for Baotou Permanent Magnets.</summary>
    public static string Initials(string core) =>
        string.Concat(core.Split(' ', '-').Where(w => w.Length > 0 && char.IsUpper(w[0])).Select(w => w[0]));

    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower))
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
