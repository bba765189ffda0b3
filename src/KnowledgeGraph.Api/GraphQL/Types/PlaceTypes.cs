using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

public sealed class CountryType : ObjectGraphType<Country>
{
    public CountryType()
    {
        Name = "Country";
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
        Field<NonNullGraphType<StringGraphType>>("id").Description("NATO, EU, G7, QUAD or MSP.").Resolve(ctx => ctx.Source.Id);
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
