using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class CountryType : ObjectGraphType<Country>
{
    public CountryType()
    {
        Name = "Country";
        this.ImplementNode("ISO 3166-1 alpha-2, as code.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("ISO 3166-1 alpha-2.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipType>>>>("blocs").Description("Its bloc memberships at asOf.").AsOfArgument()
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphEdge>>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.MemberOf], true, ctx.AsOf()),
                edges => new Loaded<IReadOnlyList<GraphEdge>>(edges ?? [])));
    }
}

public sealed class BlocType : ObjectGraphType<Bloc>
{
    public BlocType()
    {
        Name = "Bloc";
        this.ImplementNode("NATO, EU, G7, QUAD or MSP.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipType>>>>("members").Description("Its members at asOf.").AsOfArgument()
            .Resolve(ctx => new ThenResult<IReadOnlyList<GraphEdge>?, IReadOnlyList<GraphEdge>>(
                ctx.Loaders().Edges(ctx.Source.Id, [Relationships.MemberOf], false, ctx.AsOf()),
                edges => new Loaded<IReadOnlyList<GraphEdge>>(edges ?? [])));
    }
}

/// <summary>A country's membership of a bloc, valid from accession to departure.</summary>
public sealed class MembershipType : ObjectGraphType<MemberOf>
{
    public MembershipType()
    {
        Name = "Membership";
        Field<NonNullGraphType<CountryType>>("country").Resolve(ctx => ctx.Loaders().Node(Labels.Country, ctx.Source.FromId));
        Field<NonNullGraphType<BlocType>>("bloc").Resolve(ctx => ctx.Loaders().Node(Labels.Bloc, ctx.Source.ToId));
        this.AddValidityAndSources(e => e);
    }
}

/// <summary>A product code of the vocabulary (ndfeb-magnet), in its category.</summary>
public sealed class ProductType : ObjectGraphType<Product>
{
    public ProductType()
    {
        Name = "Product";
        this.ImplementNode("The product code, e.g. ndfeb-magnet.");
        Field<NonNullGraphType<CategoryType>>("category").Resolve(ctx => ctx.Loaders().Node(Labels.Category, ctx.Source.Category));
    }
}

/// <summary>A category of products (magnet); a question may name it for all its products.</summary>
public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        this.ImplementNode("The category code, e.g. magnet.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("products")
            .Resolve(ctx => ctx.Loaders().Nodes(Labels.Product, Products.Expand(ctx.Source.Id).ToList()));
    }
}
