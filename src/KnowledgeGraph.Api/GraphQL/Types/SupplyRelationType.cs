using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>A supply agreement seen as a relationship: supplier to buyer, for a product, over an interval.</summary>
public sealed class SupplyRelationType : ObjectGraphType<GraphEdge>
{
    public SupplyRelationType()
    {
        Name = "SupplyRelation";
        Field<NonNullGraphType<OrganizationType>>("supplier").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<OrganizationType>>("buyer").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.ToId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.Key));
        Field<NonNullGraphType<StringGraphType>>("product").Resolve(ctx => ctx.Source.Text("product"));
        Field<NonNullGraphType<StringGraphType>>("category").Resolve(ctx => ctx.Source.Text("category"));
        Field<NonNullGraphType<SupplyStatusGraphType>>("status").Resolve(ctx => ctx.Source.Text("status"));
        Field<DecimalGraphType>("volumeTonnesPerYear").Resolve(ctx => ctx.Source.Number("volumeTonnesPerYear"));
        this.AddValidityAndSources(e => e);
    }
}

/// <summary>An investment seen as a relationship: investor to target, with its status over time.</summary>
public sealed class InvestmentRelationType : ObjectGraphType<GraphEdge>
{
    public InvestmentRelationType()
    {
        Name = "InvestmentRelation";
        Field<NonNullGraphType<OrganizationType>>("investor").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<OrganizationType>>("target").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.ToId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.Key));
        Field<NonNullGraphType<InstrumentGraphType>>("instrument").Resolve(ctx => ctx.Source.Text("instrument"));
        Field<NonNullGraphType<InvestmentStatusGraphType>>("status").Resolve(ctx => ctx.Source.Text("status"));
        Field<DecimalGraphType>("stakePercent").Resolve(ctx => ctx.Source.Number("stakePercent"));
        Field<DecimalGraphType>("amount").Resolve(ctx => ctx.Source.Number("amount"));
        Field<StringGraphType>("currency").Resolve(ctx => ctx.Source.Text("currency"));
        this.AddValidityAndSources(e => e);
    }
}

/// <summary>A completed equity or acquisition stake: owner to owned, from completion.</summary>
public sealed class OwnershipType : ObjectGraphType<GraphEdge>
{
    public OwnershipType()
    {
        Name = "Ownership";
        Field<NonNullGraphType<OrganizationType>>("owner").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<OrganizationType>>("owned").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.ToId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.Key));
        Field<NonNullGraphType<DecimalGraphType>>("stakePercent").Resolve(ctx => ctx.Source.Number("stakePercent"));
        this.AddValidityAndSources(e => e);
    }
}

/// <summary>A party to a deal, with its role (investor, target, supplier, buyer, party).</summary>
public sealed class DealPartyType : ObjectGraphType<GraphEdge>
{
    public DealPartyType()
    {
        Name = "DealParty";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.ToId));
        Field<NonNullGraphType<PartyRoleGraphType>>("role").Resolve(ctx => ctx.Source.Key);
        this.AddValidityAndSources(e => e);
    }
}
