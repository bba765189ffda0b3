using GraphQL.Types;
using GraphQLParser.AST;
using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The <c>Date</c> scalar: an ISO calendar date, <c>yyyy-mm-dd</c>, as in the import format.</summary>
public sealed class DateGraphType : ScalarGraphType
{
    public DateGraphType()
    {
        Name = "Date";
        Description = "A calendar date in ISO 8601 form, yyyy-mm-dd (world time, as the events' effectiveDate).";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => Parse((string)s.Value),
        _ => ThrowLiteralConversionError(value, "a Date is a string yyyy-mm-dd"),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly d => d,
        string s => Parse(s),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly d => Dates.Format(d),
        string s => Dates.Format(Parse(s)),
        _ => ThrowSerializationError(value),
    };

    private static DateOnly Parse(string text) =>
        Dates.TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a date (yyyy-mm-dd)");
}
