using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class FacilityType : ObjectGraphType<GraphNode>
{
    public FacilityType()
    {
        Name = "Facility";
        Description = "A mine, plant or recycling site, operated by an organization.";
        this.ImplementNode(Labels.Facility, "The facilityId of its events.");
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Text("name"));
        Field<NonNullGraphType<OrganizationType>>("operator").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.Text("operatorId")!));
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(ctx => ctx.Source.Text("country"));
        Field<NonNullGraphType<StageGraphType>>("stage").Resolve(ctx => ctx.Source.Text("stage"));
        Field<FacilityStatusGraphType>("status").Description("Its status at asOf; null before its registration.").AsOfArgument()
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, string?>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.Operates], false, ctx.AsOf()),
                edges => new Loaded<string?>(edges is [var e, ..] ? e.Text("status")! : null)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products").Resolve(ctx => OrganizationType.Strings(ctx.Source, "products"));
        Field<DecimalGraphType>("capacityTonnesPerYear").Resolve(ctx => ctx.Source.Properties["capacityTonnesPerYear"]?.GetValue<decimal>());
        Field<DateGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("events").Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }
}
