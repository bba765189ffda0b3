using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class PolicyType : ObjectGraphType<GraphNode>
{
    public PolicyType()
    {
        Name = "Policy";
        Description = "A government or bloc policy: export control, tariff, subsidy, loan, strategic project...";
        this.ImplementNode(Labels.Policy, "The policyId of its events.");
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(ctx => ctx.Source.Text("title"));
        Field<NonNullGraphType<StringGraphType>>("jurisdiction").Description("A country code or a bloc id.").Resolve(ctx => ctx.Source.Text("jurisdiction"));
        Field<NonNullGraphType<PolicyKindGraphType>>("kind").Resolve(ctx => ctx.Source.Text("kind"));
        Field<NonNullGraphType<PolicyStatusGraphType>>("status").Resolve(ctx => ctx.Source.Text("status"));
        Field<DateGraphType>("enactedOn").Resolve(ctx => ctx.Source.ValidFrom);
        Field<DateGraphType>("revokedOn").Resolve(ctx => ctx.Source.Text("revokedOn"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products").Resolve(ctx => OrganizationType.Strings(ctx.Source, "products"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("targetCountries").Resolve(ctx => OrganizationType.Strings(ctx.Source, "targetCountries"));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("beneficiaries")
            .Resolve(ctx => ctx.Loaders().Nodes(Labels.Organization, OrganizationType.Strings(ctx.Source, "beneficiaryIds").ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("events").Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }
}
