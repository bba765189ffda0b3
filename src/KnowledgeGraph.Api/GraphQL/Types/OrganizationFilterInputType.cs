using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class OrganizationFilterInputType : InputObjectGraphType
{
    public OrganizationFilterInputType()
    {
        Name = "OrganizationFilter";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("countries").Description("Based in one of these countries at asOf.");
        Field<StringGraphType>("bloc").Description("Based at asOf in a country that is then a member of the bloc.");
        Field<StageGraphType>("stage").Description("Works at this stage of the chain.");
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
            input.TryGetValue("stage", out var stage) ? stage as Stage? : null,
            product,
            Text("text"));
    }
}
