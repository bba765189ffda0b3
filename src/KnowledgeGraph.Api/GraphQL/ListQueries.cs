using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Inputs = KnowledgeGraph.Graph.Queries.Inputs;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Facilities, deals and policies by filter, a page at a time, cut by the store.</summary>
internal static class ListQueries
{
    public static void AddListQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<FacilityType, GraphNode>>>("facilities")
            .Description("Facilities registered by asOf, by country, stage, operator and status at asOf, by id.")
            .Argument<StringGraphType>("country").Argument<StageGraphType>("stage").Argument<StringGraphType>("operatorId")
            .Argument<FacilityStatusGraphType>("status", "Status at asOf.")
            .Paged()
            .AsOfArgument()
            .ResolveAsync(async ctx => Connections.ById(await ctx.Loaders().Reader.FacilitiesAsync(new FacilityFilter(ctx.AsOf(),
                ctx.GetArgument<string?>("country"), ctx.GetArgument<Stage?>("stage"), ctx.GetArgument<string?>("operatorId"), ctx.GetArgument<FacilityStatus?>("status")),
                ctx.GetArgument<string?>("after"), Paging.First(ctx), ctx.CancellationToken)));

        query.Field<NonNullGraphType<ConnectionType<DealType, GraphNode>>>("deals")
            .Description("Deals registered by asOf, by kind, party, a party's country, product or category, and effective date range, oldest first, each with its attributes at asOf.")
            .Argument<DealKindGraphType>("kind")
            .Argument<StringGraphType>("party", "An organization id.")
            .Argument<StringGraphType>("country", "A party is based there.")
            .Argument<StringGraphType>("product", "A product or a category.")
            .Argument<DateGraphType>("from", "Effective on or after.").Argument<DateGraphType>("to", "Effective on or before.")
            .Paged()
            .AsOfArgument()
            .ResolveAsync(async ctx =>
            {
                var codes = ctx.GetArgument<string?>("product") is { } p ? Inputs.NeedCodes(Inputs.Products("product", p)) : null;
                return Connections.ById(await ctx.Loaders().Reader.DealsAsync(new DealFilter(ctx.AsOf(), ctx.GetArgument<DealKind?>("kind"), ctx.GetArgument<string?>("party"),
                    ctx.GetArgument<string?>("country"), codes, ctx.GetArgument<DateOnly?>("from"), ctx.GetArgument<DateOnly?>("to")),
                    ctx.GetArgument<string?>("after"), Paging.First(ctx), ctx.CancellationToken));
            });

        query.Field<NonNullGraphType<ConnectionType<PolicyType, GraphNode>>>("policies")
            .Description("Policies enacted by asOf, by jurisdiction, kind, product or category covered, beneficiary and status, as they stood at asOf, by id.")
            .Argument<StringGraphType>("jurisdiction", "A country code or a bloc.").Argument<PolicyKindGraphType>("kind").Argument<StringGraphType>("product")
            .Argument<StringGraphType>("beneficiary", "An organization id.").Argument<PolicyStatusGraphType>("status", "Status at asOf.")
            .Paged()
            .AsOfArgument()
            .ResolveAsync(async ctx => Connections.ById(await ctx.Loaders().Reader.PoliciesAsync(new PolicyFilter(ctx.AsOf(), ctx.GetArgument<string?>("jurisdiction"),
                ctx.GetArgument<PolicyKind?>("kind"), ctx.GetArgument<string?>("product"), ctx.GetArgument<string?>("beneficiary"), ctx.GetArgument<PolicyStatus?>("status")),
                ctx.GetArgument<string?>("after"), Paging.First(ctx), ctx.CancellationToken)));
    }
}
