using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL.Analysis;

/// <summary>The analysis questions of the researchers, each answering for one world date.</summary>
internal static class AnalysisFields
{
    public static void AddAnalysisQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<SupplyGapType, SupplyGap>>>("firmsLackingSupplier")
            .Description("Organizations in the bloc (member at asOf) or the countries that need the product and have no supply agreement in force for it from a supplier outside the excluded countries.")
            .Argument<NonNullGraphType<StringGraphType>>("product", "A product (ndfeb-magnet) or a category (magnet).")
            .Argument<StringGraphType>("bloc")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("countries")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("excludeSupplierCountries")
            .AsOfArgument()
            .Argument<BooleanGraphType>("considerOwnership", "Also exclude suppliers controlled (above 50 %, up the chain) from an excluded country.", a => a.DefaultValue = false)
            .Paged()
            .ResolveAsync(async ctx => Connections.Slice(await FirmsLackingSupplier.RunAsync(ctx.Loaders().Reader, new FlagshipQuestion(
                ctx.GetArgument<string>("product"), ctx.GetArgument<string?>("bloc"), ctx.GetArgument<List<string>?>("countries"),
                ctx.GetArgument<List<string>>("excludeSupplierCountries"), ctx.AsOf(), ctx.GetArgument("considerOwnership", false)), ctx.CancellationToken),
                ctx.GetArgument<string?>("after"), Paging.First(ctx)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyTierType>>>>("supplyChain")
            .Description("The upstream supply chain of an organization at asOf, tier by tier (tier 1 for the product, when named).")
            .Argument<NonNullGraphType<StringGraphType>>("orgId")
            .Argument<StringGraphType>("product")
            .Argument<IntGraphType>("depth", $"Tiers to follow (default 4, at most {SupplyRelations.MaxDepth}).")
            .AsOfArgument()
            .ResolveAsync(async ctx => await SupplyRelations.UpstreamAsync(ctx.Loaders().Reader, ctx.GetArgument<string>("orgId"),
                ctx.GetArgument<string?>("product"), ctx.GetArgument<int?>("depth"), ctx.AsOf(), ctx.CancellationToken));

        query.Field<PathType>("shortestPath")
            .Description("A shortest path between two nodes over relationships valid at asOf, in either direction; null when none within maxHops.")
            .Argument<NonNullGraphType<StringGraphType>>("from")
            .Argument<NonNullGraphType<StringGraphType>>("to")
            .Argument<IntGraphType>("maxHops", $"Default 4, at most {GraphPaths.MaxHops}.")
            .AsOfArgument()
            .ResolveAsync(async ctx => await GraphPaths.ShortestAsync(ctx.Loaders().Reader, ctx.GetArgument<string>("from"), ctx.GetArgument<string>("to"),
                ctx.GetArgument<int?>("maxHops"), ctx.AsOf(), ctx.CancellationToken));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StrandedFirmType>>>>("strandedIf")
            .Description("What-if: the organizations (in the bloc, when named) that would lose every supplier of the product in force at asOf if the countries were cut off.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("cutCountries")
            .Argument<NonNullGraphType<StringGraphType>>("product")
            .Argument<StringGraphType>("bloc")
            .AsOfArgument()
            .ResolveAsync(async ctx => await StrandedIf.RunAsync(ctx.Loaders().Reader, ctx.GetArgument<List<string>>("cutCountries"),
                ctx.GetArgument<string>("product"), ctx.GetArgument<string?>("bloc"), ctx.AsOf(), ctx.CancellationToken));

        query.Field<NonNullGraphType<ConcentrationType>>("stageConcentration")
            .Description("Operating capacity of a stage by country at asOf, and its Herfindahl-Hirschman index.")
            .Argument<NonNullGraphType<StageGraphType>>("stage")
            .AsOfArgument()
            .ResolveAsync(async ctx => await StageConcentration.RunAsync(ctx.Loaders().Reader, WireName.Of(ctx.GetArgument<Stage>("stage")), ctx.AsOf(), ctx.CancellationToken));
    }
}
