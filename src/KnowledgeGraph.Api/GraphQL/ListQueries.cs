using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;
using Inputs = KnowledgeGraph.Graph.Queries.Inputs;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Facilities, deals and policies by filter, capped at <see cref="MaxItems"/>.</summary>
internal static class ListQueries
{
    public const int MaxItems = 500;

    public static void AddListQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacilityType>>>>("facilities")
            .Description("Facilities registered by asOf, by country, stage, operator and status at asOf.")
            .Argument<StringGraphType>("country").Argument<StringGraphType>("stage").Argument<StringGraphType>("operatorId")
            .Argument<StringGraphType>("status", "Status at asOf: planned, under-construction, operating, idle, closed.")
            .Argument<IntGraphType>("first", $"At most this many (default 100, at most {MaxItems}).")
            .AsOfArgument()
            .ResolveAsync(async ctx => (await ctx.Loaders().Reader.FacilitiesAsync(new FacilityFilter(ctx.AsOf(),
                ctx.GetArgument<string?>("country"), Vocabulary<Stage>(ctx, "stage"), ctx.GetArgument<string?>("operatorId"), Vocabulary<FacilityStatus>(ctx, "status")),
                null, First(ctx), ctx.CancellationToken)).Items);

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealType>>>>("deals")
            .Description("Deals by kind, party, a party's country, product or category, and effective date range, oldest first.")
            .Argument<StringGraphType>("kind", "investment, partnership or supply.")
            .Argument<StringGraphType>("party", "An organization id.")
            .Argument<StringGraphType>("country", "A party is based there.")
            .Argument<StringGraphType>("product", "A product or a category.")
            .Argument<DateGraphType>("from", "Effective on or after.").Argument<DateGraphType>("to", "Effective on or before.")
            .Argument<IntGraphType>("first", $"At most this many (default 100, at most {MaxItems}).")
            .ResolveAsync(async ctx =>
            {
                var codes = ctx.GetArgument<string?>("product") is { } p ? Inputs.NeedCodes(Inputs.Products("product", p)) : null;
                return (await ctx.Loaders().Reader.DealsAsync(new DealFilter(Vocabulary<DealKind>(ctx, "kind"), ctx.GetArgument<string?>("party"),
                    ctx.GetArgument<string?>("country"), codes, ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to")),
                    null, First(ctx), ctx.CancellationToken)).Items;
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyType>>>>("policies")
            .Description("Policies by jurisdiction, kind, product or category covered, beneficiary and status.")
            .Argument<StringGraphType>("jurisdiction").Argument<StringGraphType>("kind").Argument<StringGraphType>("product")
            .Argument<StringGraphType>("beneficiary", "An organization id.").Argument<StringGraphType>("status", "in-force or revoked.")
            .Argument<IntGraphType>("first", $"At most this many (default 100, at most {MaxItems}).")
            .ResolveAsync(async ctx => (await ctx.Loaders().Reader.PoliciesAsync(new PolicyFilter(ctx.GetArgument<string?>("jurisdiction"),
                Vocabulary<PolicyKind>(ctx, "kind"), ctx.GetArgument<string?>("product"), ctx.GetArgument<string?>("beneficiary"), Vocabulary<PolicyStatus>(ctx, "status")),
                null, First(ctx), ctx.CancellationToken)).Items);
    }

    /// <summary>A vocabulary argument, refused with the values it may take when it is none of them.</summary>
    private static T? Vocabulary<T>(IResolveFieldContext ctx, string argument) where T : struct, Enum =>
        Inputs.Vocabulary<T>(argument, ctx.GetArgument<string?>(argument));

    private static int First(IResolveFieldContext ctx) => Inputs.Range("first", ctx.GetArgument<int?>("first"), 100, MaxItems);
}
