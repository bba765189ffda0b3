using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class DealType : ObjectGraphType<GraphNode>
{
    public DealType()
    {
        Name = "Deal";
        Description = "An investment, a partnership or a supply agreement, with its parties and its sources.";
        this.ImplementNode(Labels.Deal, "The dealId of its events.");
        Field<NonNullGraphType<DealKindGraphType>>("kind").Resolve(ctx => ctx.Source.Text("kind"));
        Field<NonNullGraphType<DealStatusGraphType>>("status").Description("Its latest status (ENDED for an ended partnership or agreement).").Resolve(ctx => ctx.Source.Text("status"));
        Field<PartnershipKindGraphType>("partnershipKind").Resolve(ctx => ctx.Source.Text("partnershipKind"));
        Field<InstrumentGraphType>("instrument").Resolve(ctx => ctx.Source.Text("instrument"));
        Field<StringGraphType>("product").Resolve(ctx => ctx.Source.Text("product"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products")
            .Resolve(ctx => ProductsOf(ctx.Source));
        Field<DecimalGraphType>("amount").Resolve(ctx => Number(ctx.Source, "amount"));
        Field<StringGraphType>("currency").Resolve(ctx => ctx.Source.Text("currency"));
        Field<DecimalGraphType>("stakePercent").Resolve(ctx => Number(ctx.Source, "stakePercent"));
        Field<DecimalGraphType>("volumeTonnesPerYear").Resolve(ctx => Number(ctx.Source, "volumeTonnesPerYear"));
        Field<DateGraphType>("startDate").Resolve(ctx => ctx.Source.Text("startDate"));
        Field<DateGraphType>("endDate").Resolve(ctx => ctx.Source.Text("endDate"));
        Field<DateGraphType>("endedOn").Resolve(ctx => ctx.Source.Text("endedOn"));
        Field<DateGraphType>("effectiveDate").Description("When it was recorded as taking effect.").Resolve(ctx => ctx.Source.ValidFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealPartyType>>>>("parties").Description("Its parties and their roles, over all time.")
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphEdge>>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.PartyTo], false, null),
                edges => new Loaded<IReadOnlyList<GraphEdge>>(edges ?? [])));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("sources").Description("Its events, with their sources.")
            .Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }

    /// <summary>A supply agreement's one product, or a partnership's products.</summary>
    internal static IEnumerable<string> ProductsOf(GraphNode deal) =>
        deal.Text("product") is { } product ? [product] : OrganizationType.Strings(deal, "products");

    private static decimal? Number(GraphNode node, string key) => node.Properties[key]?.GetValue<decimal>();
}
