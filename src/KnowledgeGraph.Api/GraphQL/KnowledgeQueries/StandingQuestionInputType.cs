using System.Text.Json;
using GraphQL.Types;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL.KnowledgeQueries;

/// <summary>A question to cite or to stand: exactly one of the flagship question and the stranded-if question.</summary>
public sealed class StandingQuestionInputType : InputObjectGraphType
{
    public StandingQuestionInputType()
    {
        Name = "StandingQuestion";
        Description = "Exactly one of firmsLackingSupplier and strandedIf, with the arguments of the query of that name; without asOf, it rolls with today.";
        Field<FirmsLackingSupplierQuestionInputType>("firmsLackingSupplier");
        Field<StrandedIfQuestionInputType>("strandedIf");
    }

    public static StandingQuestion From(Dictionary<string, object?> input)
    {
        var flagship = input.GetValueOrDefault("firmsLackingSupplier") as Dictionary<string, object?>;
        var stranded = input.GetValueOrDefault("strandedIf") as Dictionary<string, object?>;
        if ((flagship is null) == (stranded is null))
        {
            throw new QueryInputException("question", "name exactly one of firmsLackingSupplier and strandedIf");
        }
        var asOf = (flagship ?? stranded)!.GetValueOrDefault("asOf") as DateOnly?;
        var date = asOf ?? DateOnly.MinValue;
        return flagship is not null
            ? new StandingQuestion(new FlagshipQuestion((string)flagship["product"]!, flagship.GetValueOrDefault("bloc") as string,
                Strings(flagship, "countries"), Strings(flagship, "excludeSupplierCountries") ?? [], date,
                flagship.GetValueOrDefault("considerOwnership") as bool? ?? false), null, asOf is null)
            : new StandingQuestion(null, new StrandedQuestion(Strings(stranded!, "cutCountries") ?? [], (string)stranded!["product"]!,
                stranded.GetValueOrDefault("bloc") as string, date), asOf is null);
    }

    /// <summary>The query that asks the question at a world date and a knowledge point, and its variables: what a permalink runs.</summary>
    public static (string Query, string Variables) Pinned(StandingQuestion question, DateOnly asOf, long sequence)
    {
        var date = Dates.Format(asOf);
        if (question.FirmsLackingSupplier is { } f)
        {
            return ("query Cited($product: String!, $bloc: String, $countries: [String!], $excludeSupplierCountries: [String!]!, $considerOwnership: Boolean, $asOf: Date!, $knownAtSequence: Long!) "
                + "{ firmsLackingSupplier(product: $product, bloc: $bloc, countries: $countries, excludeSupplierCountries: $excludeSupplierCountries, considerOwnership: $considerOwnership, asOf: $asOf, knownAtSequence: $knownAtSequence, first: 500) { totalCount nodes { organization { id name } reason } } }",
                JsonSerializer.Serialize(new
                {
                    product = f.Product,
                    bloc = f.Bloc,
                    countries = f.Countries,
                    excludeSupplierCountries = f.ExcludeSupplierCountries,
                    considerOwnership = f.ConsiderOwnership,
                    asOf = date,
                    knownAtSequence = sequence
                }));
        }
        var s = question.StrandedIf!;
        return ("query Cited($cutCountries: [String!]!, $product: String!, $bloc: String, $asOf: Date!, $knownAtSequence: Long!) "
            + "{ strandedIf(cutCountries: $cutCountries, product: $product, bloc: $bloc, asOf: $asOf, knownAtSequence: $knownAtSequence) { organization { id name } } }",
            JsonSerializer.Serialize(new { cutCountries = s.CutCountries, product = s.Product, bloc = s.Bloc, asOf = date, knownAtSequence = sequence }));
    }

    /// <summary>The question in words, as a citation names it.</summary>
    public static string Describe(StandingQuestion question, DateOnly asOf)
    {
        var date = Dates.Format(asOf);
        if (question.FirmsLackingSupplier is { } f)
        {
            return $"Firms in {Where(f.Bloc, f.Countries)} that need {f.Product} and have no supplier in force outside {string.Join(", ", f.ExcludeSupplierCountries)}"
                + (f.ConsiderOwnership ? " (counting control by ownership)" : "") + $", as of {date}";
        }
        var s = question.StrandedIf!;
        return $"Firms{(s.Bloc is null ? "" : $" in {s.Bloc}")} that would lose every supplier of {s.Product} if {string.Join(", ", s.CutCountries)} were cut off, as of {date}";
    }

    private static string Where(string? bloc, IReadOnlyList<string>? countries) =>
        string.Join(" or ", new[] { bloc, countries is { Count: > 0 } ? string.Join(", ", countries) : null }.OfType<string>());

    private static List<string>? Strings(Dictionary<string, object?> input, string key) =>
        input.GetValueOrDefault(key) is IEnumerable<object> list ? list.Cast<string>().ToList() : null;
}

public sealed class FirmsLackingSupplierQuestionInputType : InputObjectGraphType
{
    public FirmsLackingSupplierQuestionInputType()
    {
        Name = "FirmsLackingSupplierQuestion";
        Description = "The arguments of Query.firmsLackingSupplier.";
        Field<NonNullGraphType<StringGraphType>>("product");
        Field<StringGraphType>("bloc");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("countries");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("excludeSupplierCountries");
        Field<BooleanGraphType>("considerOwnership");
        Field<DateGraphType>("asOf").Description("A fixed world date; without it, today's, rolling.");
    }
}

public sealed class StrandedIfQuestionInputType : InputObjectGraphType
{
    public StrandedIfQuestionInputType()
    {
        Name = "StrandedIfQuestion";
        Description = "The arguments of Query.strandedIf.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("cutCountries");
        Field<NonNullGraphType<StringGraphType>>("product");
        Field<StringGraphType>("bloc");
        Field<DateGraphType>("asOf").Description("A fixed world date; without it, today's, rolling.");
    }
}
