using System.Globalization;
using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;
using Inputs = KnowledgeGraph.Graph.Queries.Inputs;

namespace KnowledgeGraph.Api.GraphQL.KnowledgeQueries;

/// <summary>The changes between two points, a connection like the others (its cursors are positions in the list).</summary>
internal static class ChangesFields
{
    public const int MaxPageSize = 100;

    public static void AddChangesQuery(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<ChangeType, GraphChange>>>("changes")
            .Description("What changed between two knowledge points (what was recorded) or two world dates (what was true, as known at knownAt), in the order it happened.")
            .Argument<NonNullGraphType<ChangePointInputType>>("from")
            .Argument<NonNullGraphType<ChangePointInputType>>("to")
            .Argument<ListGraphType<NonNullGraphType<ChangeKindType>>>("kinds", "Only these kinds of change.")
            .Argument<StringGraphType>("organization", "Only changes with this organization at either end.")
            .Argument<StringGraphType>("product", "Only changes about this product, or a product of this category.")
            .Argument<StringGraphType>("country", "Only changes with this country at either end, or where an organization or facility there is based.")
            .Argument<StringGraphType>("bloc", "The same, for the member countries of the bloc.")
            .Argument<IntGraphType>("first", $"Page size, at most {MaxPageSize} (default 20).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .KnowledgeArguments()
            .ResolveAsync(async ctx =>
            {
                var reader = ctx.Loaders().Reader;
                var from = ctx.GetArgument<Dictionary<string, object?>>("from");
                var to = ctx.GetArgument<Dictionary<string, object?>>("to");
                var products = ctx.GetArgument<string?>("product") is { } p ? Inputs.Products("product", p) : null;
                var after = ctx.GetArgument<string?>("after") is { } cursor
                    ? int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : throw new QueryInputException("after", "is not a cursor of this list")
                    : 0;
                var first = Paging.First(ctx);
                var query = await PointsAsync(reader, from, to, ctx.CancellationToken) with
                {
                    Kinds = ctx.GetArgument<List<string>?>("kinds")?.ToHashSet(StringComparer.Ordinal),
                    Organization = ctx.GetArgument<string?>("organization"),
                    ProductCodes = products is null ? null : Inputs.NeedCodes(products),
                    Country = ctx.GetArgument<string?>("country") is { } c ? Inputs.CountryList("country", [c])[0] : null,
                    Bloc = Inputs.Bloc("bloc", ctx.GetArgument<string?>("bloc")),
                };
                var knowledge = query.ToSequence is { } k2 ? reader.KnownAt(new Knowledge(k2)) : reader;
                return Connections.AtOffset(await knowledge.ChangesAsync(query, after, first, ctx.CancellationToken), after);
            });

    /// <summary>Both points are world dates, or both knowledge points (an instant is read as the last event recorded by then); the first comes before the second.</summary>
    private static async Task<ChangeQuery> PointsAsync(IGraphReader reader, Dictionary<string, object?> from, Dictionary<string, object?> to, CancellationToken ct)
    {
        var (fromDate, fromKnown) = Point("from", from);
        var (toDate, toKnown) = Point("to", to);
        if ((fromDate is null) != (toDate is null))
        {
            throw new QueryInputException("to", "name two world dates or two knowledge points, not one of each");
        }
        if (fromDate is not null)
        {
            return fromDate < toDate ? new ChangeQuery(null, null, fromDate, toDate) : throw new QueryInputException("to", "must be after from");
        }
        var k1 = (await reader.KnowledgeAsync(fromKnown!, ct)).Sequence;
        var k2 = (await reader.KnowledgeAsync(toKnown!, ct)).Sequence;
        return k1 < k2 ? new ChangeQuery(k1, k2, null, null) : throw new QueryInputException("to", $"must be a later knowledge point than from (sequences {k1} and {k2})");
    }

    private static (DateOnly? Date, Knowledge? Known) Point(string name, Dictionary<string, object?> point)
    {
        var date = point.GetValueOrDefault("date") as DateOnly?;
        var sequence = point.GetValueOrDefault("knownAtSequence") as long?;
        var at = point.GetValueOrDefault("knownAt") as DateTime?;
        if ((date is null ? 0 : 1) + (sequence is null ? 0 : 1) + (at is null ? 0 : 1) != 1)
        {
            throw new QueryInputException(name, "name exactly one of date, knownAt and knownAtSequence");
        }
        return (date, date is null ? new Knowledge(sequence, at is { } instant ? KnowledgeTime.Utc(instant) : null) : null);
    }
}
