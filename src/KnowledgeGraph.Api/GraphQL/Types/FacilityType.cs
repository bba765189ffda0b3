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
        Field<NonNullGraphType<StringGraphType>>("id").Description("The facilityId of its events.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<OrganizationType>>("operator").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.OperatorId));
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(ctx => ctx.Source.Country);
        Field<NonNullGraphType<StringGraphType>>("stage").Resolve(ctx => WireName.Of(ctx.Source.Stage));
        Field<NonNullGraphType<StringGraphType>>("status").Description("Its status at asOf (planned, under-construction, operating, idle, closed).").AsOfArgument()
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, string>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.Operates], false, ctx.AsOf()),
                edges => new Loaded<string>(edges?.OfType<Operates>().FirstOrDefault() is { } e ? WireName.Of(e.Status) : "not-yet-registered")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products").Resolve(ctx => ctx.Source.Products);
        Field<DecimalGraphType>("capacityTonnesPerYear").Resolve(ctx => ctx.Source.CapacityTonnesPerYear);
        Field<DateGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("events").Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }
}
