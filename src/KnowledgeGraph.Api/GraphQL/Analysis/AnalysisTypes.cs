using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL.Analysis;

public sealed class SupplierInForceType : ObjectGraphType<SupplierInForce>
{
    public SupplierInForceType()
    {
        Name = "SupplierInForce";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(ctx => ctx.Source.Supplier);
        Field<StringGraphType>("country").Description("Where the supplier is based at asOf.").Resolve(ctx => ctx.Source.Country);
        Field<StringGraphType>("excludedBecause").Description("Why it does not count (based in, or controlled from, an excluded country); null when it counts.").Resolve(ctx => ctx.Source.ExcludedBecause);
        Field<NonNullGraphType<SupplyRelationType>>("agreement").Resolve(ctx => ctx.Source.Agreement);
    }
}

public sealed class SupplyGapType : ObjectGraphType<SupplyGap>
{
    public SupplyGapType()
    {
        Name = "SupplyGap";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(ctx => ctx.Source.Organization);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("suppliers").Description("Its suppliers in force at asOf (all excluded, or none).")
            .Resolve(ctx => ctx.Source.Suppliers.Select(s => s.Supplier).DistinctBy(s => s.Id).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplierInForceType>>>>("supplierDetails").Description("Each agreement in force, and why its supplier is excluded.")
            .Resolve(ctx => ctx.Source.Suppliers);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(ctx => ctx.Source.Reason);
    }
}

public sealed class SupplyTierType : ObjectGraphType<SupplyTier>
{
    public SupplyTierType()
    {
        Name = "SupplyTier";
        Field<NonNullGraphType<IntGraphType>>("tier").Description("1 supplies the firm, 2 supplies tier 1, and so on.").Resolve(ctx => ctx.Source.Tier);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplyRelationType>>>>("links").Resolve(ctx =>
        {
            // The chain's statement read both ends of every link: their supplier and buyer fields need no second read.
            ctx.Loaders().Prime(ctx.Source.Links.SelectMany(l => new[] { l.Supplier, l.Buyer }));
            return ctx.Source.Links.Select(l => l.Agreement).ToList();
        });
    }
}

public sealed class PathType : ObjectGraphType<GraphPath>
{
    public PathType()
    {
        Name = "Path";
        Field<NonNullGraphType<IntGraphType>>("length").Resolve(ctx => ctx.Source.Edges.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipType>>>>("relationships").Resolve(ctx => ctx.Source.Edges);
    }
}

public sealed class StrandedFirmType : ObjectGraphType<StrandedFirm>
{
    public StrandedFirmType()
    {
        Name = "StrandedFirm";
        Field<NonNullGraphType<OrganizationType>>("organization").Resolve(ctx => ctx.Source.Organization);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SupplierInForceType>>>>("lostSuppliers").Resolve(ctx => ctx.Source.LostSuppliers);
    }
}

public sealed class ConcentrationType : ObjectGraphType<Concentration>
{
    public ConcentrationType()
    {
        Name = "Concentration";
        Field<NonNullGraphType<StageGraphType>>("stage").Resolve(ctx => WireName.Parse<Stage>(ctx.Source.Stage));
        Field<NonNullGraphType<DateGraphType>>("asOf").Resolve(ctx => ctx.Source.AsOf);
        Field<NonNullGraphType<DecimalGraphType>>("totalCapacityTonnesPerYear").Resolve(ctx => ctx.Source.TotalCapacityTonnesPerYear);
        Field<NonNullGraphType<IntGraphType>>("operatingFacilities").Resolve(ctx => ctx.Source.OperatingFacilities);
        Field<NonNullGraphType<IntGraphType>>("facilitiesWithoutCapacity").Description("Operating, but with no stated capacity: not in the shares.").Resolve(ctx => ctx.Source.FacilitiesWithoutCapacity);
        Field<NonNullGraphType<DecimalGraphType>>("hhi").Description("Herfindahl-Hirschman index of the country shares, 0 to 10,000.").Resolve(ctx => ctx.Source.Hhi);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CountryShareType>>>>("countries").Resolve(ctx => ctx.Source.Countries);
    }
}

public sealed class CountryShareType : ObjectGraphType<CountryShare>
{
    public CountryShareType()
    {
        Name = "CountryShare";
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(ctx => ctx.Source.Country);
        Field<NonNullGraphType<DecimalGraphType>>("capacityTonnesPerYear").Resolve(ctx => ctx.Source.CapacityTonnesPerYear);
        Field<NonNullGraphType<DecimalGraphType>>("sharePercent").Resolve(ctx => ctx.Source.SharePercent);
        Field<NonNullGraphType<IntGraphType>>("facilities").Resolve(ctx => ctx.Source.Facilities);
    }
}
