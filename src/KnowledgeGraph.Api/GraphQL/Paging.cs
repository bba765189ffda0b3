using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Inputs = KnowledgeGraph.Graph.Queries.Inputs;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>How many items a page of a connection holds when <c>first</c> is omitted, and at most.</summary>
internal sealed record PageSize(int Default, int Max);

/// <summary>
/// The page sizes of every connection, by the field that returns it: the resolvers cut pages by them, and the cost
/// analysis multiplies what is selected under a connection's <c>nodes</c> or <c>edges</c> by the same <c>first</c>.
/// </summary>
internal static class Paging
{
    private static readonly PageSize Lists = new(100, 500);

    private static readonly Dictionary<string, PageSize> ByField = new(StringComparer.Ordinal)
    {
        ["organizations"] = new(20, 100),
        ["search"] = new(20, 100),
        ["neighbours"] = new(20, 500),
        ["firmsLackingSupplier"] = new(20, 500),
        ["deals"] = Lists,
        ["facilities"] = Lists,
        ["policies"] = Lists,
        ["changes"] = new(20, KnowledgeQueries.ChangesFields.MaxPageSize),
    };

    public static PageSize Of(string field) => ByField[field];

    /// <summary>The <c>first</c> and <c>after</c> arguments of the field's connection.</summary>
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        var size = Of(field.FieldType.Name);
        return field.Argument<IntGraphType>("first", $"Page size, at most {size.Max} (default {size.Default}).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.");
    }

    /// <summary>The page size asked for, checked against the field's limit.</summary>
    public static int First(IResolveFieldContext ctx)
    {
        var size = Of(ctx.FieldDefinition.Name);
        return Inputs.Range("first", ctx.GetArgument<int?>("first"), size.Default, size.Max);
    }

    /// <summary>How many items the cost analysis counts for a page: the asked <c>first</c>, within the limit.</summary>
    public static int Counted(string field, int? first)
    {
        var size = Of(field);
        return Math.Clamp(first ?? size.Default, 1, size.Max);
    }

    public static bool IsPaged(string field) => ByField.ContainsKey(field);
}
