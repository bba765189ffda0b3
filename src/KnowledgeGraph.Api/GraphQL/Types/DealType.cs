using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class DealType : ObjectGraphType<Deal>
{
    public DealType()
    {
        Name = "Deal";
        Description = "An investment, a partnership or a supply agreement, with its parties and its sources.";
        this.ImplementNode("The dealId of its events.");
        Field<NonNullGraphType<DealKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<DealStatusGraphType>>("status").Description("Its status at asOf (ENDED once a partnership or an agreement has ended).").Resolve(ctx => ctx.Source.Status);
        Field<PartnershipKindGraphType>("partnershipKind").Resolve(ctx => (ctx.Source as Partnership)?.PartnershipKind);
        Field<InstrumentGraphType>("instrument").Resolve(ctx => (ctx.Source as Investment)?.Instrument);
        Field<StringGraphType>("product").Resolve(ctx => (ctx.Source as SupplyAgreement)?.Product);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products")
            .Resolve(ctx => ctx.Source.ProductsTraded);
        Field<DecimalGraphType>("amount").Resolve(ctx => (ctx.Source as Investment)?.Amount);
        Field<StringGraphType>("currency").Resolve(ctx => (ctx.Source as Investment)?.Currency);
        Field<DecimalGraphType>("stakePercent").Description("An investment's stake at asOf (0 once sold).").Resolve(ctx => (ctx.Source as Investment)?.StakePercent);
        Field<DecimalGraphType>("volumeTonnesPerYear").Resolve(ctx => (ctx.Source as SupplyAgreement)?.VolumeTonnesPerYear);
        Field<DateGraphType>("startDate").Resolve(ctx => (ctx.Source as SupplyAgreement)?.StartDate);
        Field<DateGraphType>("endDate").Resolve(ctx => (ctx.Source as SupplyAgreement)?.EndDate);
        Field<DateGraphType>("endedOn").Description("When it ended, once it had ended by asOf.").Resolve(ctx => ctx.Source switch { Partnership p => p.EndedOn, SupplyAgreement s => s.EndedOn, _ => null });
        Field<DateGraphType>("effectiveDate").Description("When it was recorded as taking effect.").Resolve(ctx => ctx.Source.ValidFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DealPartyType>>>>("parties").Description("Its parties and their roles, over all time.")
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphEdge>>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.PartyTo], false, null),
                edges => new Loaded<IReadOnlyList<GraphEdge>>(edges ?? [])));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("sources").Description("Its events, with their sources.")
            .Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }
}
