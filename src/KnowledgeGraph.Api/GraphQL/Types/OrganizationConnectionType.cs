using GraphQL.Types;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>A Relay connection of organizations; the cursor is the organization's id.</summary>
public sealed class OrganizationConnectionType : ObjectGraphType<Page<GraphNode>>
{
    public OrganizationConnectionType()
    {
        Name = "OrganizationConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(ctx => ctx.Source.TotalCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationEdgeType>>>>("edges").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("nodes").Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(ctx => ctx.Source);
    }
}

public sealed class OrganizationEdgeType : ObjectGraphType<GraphNode>
{
    public OrganizationEdgeType()
    {
        Name = "OrganizationEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<OrganizationType>>("node").Resolve(ctx => ctx.Source);
    }
}

public sealed class PageInfoType : ObjectGraphType<Page<GraphNode>>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.Items.Count > 0 ? ctx.Source.Items[^1].Id : null);
    }
}

public sealed class OrganizationFilterInputType : InputObjectGraphType
{
    public OrganizationFilterInputType()
    {
        Name = "OrganizationFilter";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("countries").Description("Based in one of these countries at asOf.");
        Field<StringGraphType>("bloc").Description("Based at asOf in a country that is then a member of the bloc.");
        Field<StringGraphType>("stage").Description("Works at this stage of the chain.");
        Field<StringGraphType>("product").Description("Needs it, or supplies it under an agreement in force (a product or a category).");
        Field<StringGraphType>("text").Description("Name or alias contains this, case-insensitive.");
    }

    public static OrganizationFilter From(Dictionary<string, object?>? input)
    {
        if (input is null)
        {
            return new OrganizationFilter();
        }
        string? Text(string key) => input.TryGetValue(key, out var v) ? v as string : null;
        var countries = input.TryGetValue("countries", out var c) && c is IEnumerable<object> list ? list.Cast<string>().ToList() : null;
        var product = Text("product");
        if (product is not null)
        {
            KnowledgeGraph.Graph.Queries.Inputs.Products("filter.product", product);
        }
        return new OrganizationFilter(
            countries is null ? null : KnowledgeGraph.Graph.Queries.Inputs.CountryList("filter.countries", countries),
            KnowledgeGraph.Graph.Queries.Inputs.Bloc("filter.bloc", Text("bloc")),
            Text("stage") is { } stage ? KnowledgeGraph.Graph.Queries.Inputs.Stage("filter.stage", stage) : null,
            product,
            Text("text"));
    }
}
