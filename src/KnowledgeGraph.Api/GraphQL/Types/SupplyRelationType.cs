using GraphQL.Types;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>A supply agreement seen as a relationship: supplier to buyer, for a product, over an interval.</summary>
public sealed class SupplyRelationType : ObjectGraphType<Supplies>
{
    public SupplyRelationType()
    {
        Name = "SupplyRelation";
        Field<NonNullGraphType<OrganizationType>>("supplier").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<OrganizationType>>("buyer").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.ToId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.Key));
        Field<NonNullGraphType<StringGraphType>>("product").Resolve(ctx => ctx.Source.Product);
        Field<NonNullGraphType<StringGraphType>>("category").Resolve(ctx => ctx.Source.Category);
        Field<NonNullGraphType<DealStatusGraphType>>("status").Description("SIGNED, or PROPOSED (shown, never counted as supply).").Resolve(ctx => ctx.Source.Status);
        Field<DecimalGraphType>("volumeTonnesPerYear").Resolve(ctx => ctx.Source.VolumeTonnesPerYear);
        this.AddValidityAndSources(e => e);
    }
}

/// <summary>An investment seen as a relationship: investor to target, with its status over time.</summary>
public sealed class InvestmentRelationType : ObjectGraphType<InvestedIn>
{
    public InvestmentRelationType()
    {
        Name = "InvestmentRelation";
        Field<NonNullGraphType<OrganizationType>>("investor").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<OrganizationType>>("target").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.ToId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.Key));
        Field<NonNullGraphType<InstrumentGraphType>>("instrument").Resolve(ctx => ctx.Source.Instrument);
        Field<NonNullGraphType<DealStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<DecimalGraphType>("stakePercent").Resolve(ctx => ctx.Source.StakePercent);
        Field<DecimalGraphType>("amount").Resolve(ctx => ctx.Source.Amount);
        Field<StringGraphType>("currency").Resolve(ctx => ctx.Source.Currency);
        this.AddValidityAndSources(e => e);
    }
}

/// <summary>A completed equity or acquisition stake: owner to owned, from completion.</summary>
public sealed class OwnershipType : ObjectGraphType<Owns>
{
    public OwnershipType()
    {
        Name = "Ownership";
        Field<NonNullGraphType<OrganizationType>>("owner").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<OrganizationType>>("owned").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.ToId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.Key));
        Field<NonNullGraphType<DecimalGraphType>>("stakePercent").Resolve(ctx => ctx.Source.StakePercent);
        this.AddValidityAndSources(e => e);
    }
}

/// <summary>A party to a deal, with its role (investor, target, supplier, buyer, party).</summary>
public sealed class DealPartyType : ObjectGraphType<PartyTo>
{
    public DealPartyType()
    {
        Name = "DealParty";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(ctx => ctx.Loaders().Node(Labels.Organization, ctx.Source.FromId));
        Field<NonNullGraphType<DealType>>("deal").Resolve(ctx => ctx.Loaders().Node(Labels.Deal, ctx.Source.ToId));
        Field<NonNullGraphType<PartyRoleGraphType>>("role").Resolve(ctx => ctx.Source.Role);
        this.AddValidityAndSources(e => e);
    }
}
