using System.Text.RegularExpressions;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Domain.Validation;

/// <summary>Collects the problems of one event; each check names the field it looked at.</summary>
internal sealed partial class Checks(World world)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex SlugPattern();

    public List<Problem> Problems { get; } = [];

    public World World => world;

    public void Fail(string field, string reason) => Problems.Add(new Problem($"data.{field}", reason));

    public bool Slug(string field, string value)
    {
        if (SlugPattern().IsMatch(value))
        {
            return true;
        }
        Fail(field, $"'{value}' is not a slug (lower-case letters, digits and '-', starting with a letter or digit, at most 100)");
        return false;
    }

    public void Country(string field, string? code)
    {
        if (code is not null && !Vocabulary.Countries.IsKnown(code))
        {
            Fail(field, $"unknown country '{code}' (ISO 3166-1 alpha-2, e.g. FR)");
        }
    }

    public void CountryList(string field, IReadOnlyList<string>? codes) =>
        Each(field, codes, (f, c) => Country(f, c));

    public void CountryOrBloc(string field, string code)
    {
        if (!Vocabulary.Countries.IsKnown(code) && !Vocabularies.Blocs.Contains(code))
        {
            Fail(field, $"unknown country or bloc '{code}'");
        }
    }

    public void Bloc(string field, string bloc)
    {
        if (!Vocabularies.Blocs.Contains(bloc))
        {
            Fail(field, $"unknown bloc '{bloc}' (one of {string.Join(", ", Vocabularies.Blocs)})");
        }
    }

    public void OneOf(string field, string? value, IReadOnlySet<string> allowed, string what)
    {
        if (value is not null && !allowed.Contains(value))
        {
            Fail(field, $"unknown {what} '{value}' (one of {string.Join(", ", allowed)})");
        }
    }

    public void AllOf(string field, IReadOnlyList<string>? values, IReadOnlySet<string> allowed, string what) =>
        Each(field, values, (f, v) => OneOf(f, v, allowed, what));

    public void Product(string field, string code)
    {
        if (!Products.IsProduct(code))
        {
            Fail(field, $"unknown product '{code}'" + (Products.Categories.Contains(code) ? " (a category; name a product of it)" : ""));
        }
    }

    public void ProductsOrCategories(string field, IReadOnlyList<string>? codes) =>
        Each(field, codes, (f, c) =>
        {
            if (!Products.IsProductOrCategory(c))
            {
                Fail(f, $"unknown product or category '{c}'");
            }
        });

    public void Organization(string field, string id)
    {
        if (Slug(field, id) && !world.HasOrganization(id))
        {
            Fail(field, $"unknown organization '{id}'");
        }
    }

    public void Organizations(string field, IReadOnlyList<string>? ids) => Each(field, ids, Organization);

    public void NotNegative(string field, decimal? value)
    {
        if (value < 0)
        {
            Fail(field, $"must not be negative, not {value}");
        }
    }

    private static void Each(string field, IReadOnlyList<string>? values, Action<string, string> check)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            check($"{field}[{i}]", values[i]);
        }
    }
}
