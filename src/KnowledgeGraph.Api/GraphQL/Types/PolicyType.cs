using GraphQL.Types;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class PolicyType : ObjectGraphType<Policy>
{
    public PolicyType()
    {
        Name = "Policy";
        Description = "A government or bloc policy: export control, tariff, subsidy, loan, strategic project...";
        this.ImplementNode("The policyId of its events.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("Its title at asOf, as amended by then.").Resolve(ctx => ctx.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("jurisdiction").Description("A country code or a bloc id.").Resolve(ctx => ctx.Source.Jurisdiction);
        Field<NonNullGraphType<PolicyKindGraphType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<PolicyStatusGraphType>>("status").Description("Its status at asOf.").Resolve(ctx => ctx.Source.Status);
        Field<DateGraphType>("enactedOn").Resolve(ctx => ctx.Source.ValidFrom);
        Field<DateGraphType>("revokedOn").Description("When it was revoked, once it had been by asOf.").Resolve(ctx => ctx.Source.RevokedOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("products").Resolve(ctx => ctx.Source.Products);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("targetCountries").Resolve(ctx => ctx.Source.TargetCountries);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("beneficiaries")
            .Resolve(ctx => ctx.Loaders().Nodes(Labels.Organization, ctx.Source.BeneficiaryIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("events").Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }
}
