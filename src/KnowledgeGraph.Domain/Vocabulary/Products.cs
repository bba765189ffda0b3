namespace KnowledgeGraph.Domain.Vocabulary;

/// <summary>Product codes and the category each belongs to. A query or a need may name either.</summary>
public static class Products
{
    public static IReadOnlyDictionary<string, string> CategoryByProduct { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["re-concentrate"] = "concentrate",
        ["mixed-re-carbonate"] = "oxide",
        ["ndpr-oxide"] = "oxide",
        ["dy-oxide"] = "oxide",
        ["tb-oxide"] = "oxide",
        ["la-ce-oxide"] = "oxide",
        ["sm-oxide"] = "oxide",
        ["ndpr-metal"] = "metal",
        ["dy-metal"] = "metal",
        ["tb-metal"] = "metal",
        ["sm-metal"] = "metal",
        ["ndfeb-alloy"] = "alloy",
        ["smco-alloy"] = "alloy",
        ["ndfeb-magnet"] = "magnet",
        ["smco-magnet"] = "magnet",
        ["magnet-scrap"] = "recycled",
        ["recycled-oxide"] = "recycled",
    };

    public static IReadOnlySet<string> Categories { get; } = CategoryByProduct.Values.ToHashSet(StringComparer.Ordinal);

    public static bool IsProduct(string code) => CategoryByProduct.ContainsKey(code);

    public static bool IsProductOrCategory(string code) => IsProduct(code) || Categories.Contains(code);

    /// <summary>The products a code stands for: itself, or every product of a category.</summary>
    public static IReadOnlyList<string> Expand(string code) =>
        IsProduct(code) ? [code] : CategoryByProduct.Where(p => p.Value == code).Select(p => p.Key).ToList();
}
