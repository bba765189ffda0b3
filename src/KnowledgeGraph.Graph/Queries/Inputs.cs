using KnowledgeGraph.Domain.Vocabulary;
using Catalog = KnowledgeGraph.Domain.Vocabulary.Products;

namespace KnowledgeGraph.Graph.Queries;

/// <summary>Checks of the arguments of the analyses, each naming the argument it rejects.</summary>
public static class Inputs
{
    /// <summary>The products a product or category code stands for.</summary>
    public static IReadOnlySet<string> Products(string field, string code) =>
        Catalog.IsProductOrCategory(code)
            ? Catalog.Expand(code).ToHashSet(StringComparer.Ordinal)
            : throw new QueryInputException(field, $"unknown product or category '{code}'");

    /// <summary>What a need for these products may be written as: the products and their categories.</summary>
    public static IReadOnlySet<string> NeedCodes(IReadOnlySet<string> products) =>
        products.Concat(products.Select(p => Catalog.CategoryByProduct[p])).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> CountryList(string field, IReadOnlyList<string>? codes) =>
        (codes ?? []).Select(c => Countries.IsKnown(c) ? c : throw new QueryInputException(field, $"unknown country '{c}' (ISO 3166-1 alpha-2)")).ToList();

    public static string? Bloc(string field, string? bloc) =>
        bloc is null || Vocabularies.Blocs.Contains(bloc) ? bloc
            : throw new QueryInputException(field, $"unknown bloc '{bloc}' (one of {string.Join(", ", Vocabularies.Blocs)})");

    public static Stage Stage(string field, string stage) => Vocabulary<Stage>(field, stage)!.Value;

    /// <summary>A member of a closed vocabulary by its wire name (none when no name is given).</summary>
    public static T? Vocabulary<T>(string field, string? name) where T : struct, Enum =>
        name is null ? null
            : WireName.All<T>().Contains(name) ? WireName.Parse<T>(name)
            : throw new QueryInputException(field, $"unknown {WireName.Policy.ConvertName(typeof(T).Name).Replace('-', ' ')} '{name}' (one of {string.Join(", ", WireName.All<T>())})");

    public static int Range(string field, int? value, int fallback, int max) => value switch
    {
        null => fallback,
        < 1 => throw new QueryInputException(field, "must be at least 1"),
        { } tooMany when tooMany > max => throw new QueryInputException(field, $"must be at most {max}"),
        { } inRange => inRange,
    };
}
