using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class FacilityType : ObjectGraphType<Facility>
{
    public FacilityType()
    {
        Name = "Facility";
        Description = "A mine, plant or recycling site, operated by an organization.";
        this.ImplementNode("The facilityId of its events.");
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<OrganizationType>>("operator").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.OperatorId));
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(ctx => ctx.Source.Country);
        Field<NonNullGraphType<StageGraphType>>("stage").Resolve(ctx => ctx.Source.Stage);
        Field<FacilityStatusGraphType>("status").Description("Its status at asOf; null before its registration.").AsOfArgument()
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, FacilityStatus?>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.Operates], false, ctx.AsOf()),
                edges => new Loaded<FacilityStatus?>(edges?.OfType<Operates>().FirstOrDefault()?.Status)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products").Resolve(ctx => ctx.Source.Products);
        Field<DecimalGraphType>("capacityTonnesPerYear").Resolve(ctx => ctx.Source.CapacityTonnesPerYear);
        Field<DateGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("events").Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }
}
