using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Any relationship of the graph, one version of it.</summary>
public sealed class RelationshipType : ObjectGraphType<GraphEdge>
{
    public RelationshipType()
    {
        Name = "Relationship";
        Field<NonNullGraphType<RelationshipTypeGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<NodeInterface>>("from").Resolve(ctx => ctx.Loaders().Node(ctx.Source.FromLabel, ctx.Source.FromId));
        Field<NonNullGraphType<NodeInterface>>("to").Resolve(ctx => ctx.Loaders().Node(ctx.Source.ToLabel, ctx.Source.ToId));
        Field<NonNullGraphType<StringGraphType>>("key").Description("What distinguishes it from its siblings: a deal id, a product, a bloc, a role.").Resolve(ctx => ctx.Source.Key);
        Field<DealType>("deal").Description("The deal it comes from (SUPPLIES, INVESTED_IN, OWNS, PARTY_TO); null for the others.")
            .Resolve(ctx => DealOf(ctx.Source) is { } deal ? ctx.Loaders().Node(Labels.Deal, deal) : null);
        Field<StringGraphType>("status").Description("In this version: a supply agreement's, an investment's or an operated facility's status, as in the import format.")
            .Resolve(ctx => ctx.Source switch
            {
                Supplies s => WireName.Of(s.Status),
                InvestedIn i => WireName.Of(i.Status),
                Operates o => WireName.Of(o.Status),
                _ => null,
            });
        Field<StringGraphType>("product").Description("The product supplied (SUPPLIES).").Resolve(ctx => (ctx.Source as Supplies)?.Product);
        Field<DecimalGraphType>("stakePercent").Description("The stake held (OWNS) or invested (INVESTED_IN).")
            .Resolve(ctx => ctx.Source switch { Owns o => o.StakePercent, InvestedIn i => i.StakePercent, _ => null });
        this.AddValidityAndSources(e => e);
    }

    private static string? DealOf(GraphEdge edge) => edge switch
    {
        Supplies s => s.DealId,
        InvestedIn i => i.DealId,
        Owns o => o.DealId,
        PartyTo p => p.ToId,
        _ => null,
    };
}

/// <summary>A neighbour of a node: the relationship and the node at its other end.</summary>
public sealed class NeighbourType : ObjectGraphType<Neighbour>
{
    public NeighbourType()
    {
        Name = "Neighbour";
        Field<NonNullGraphType<RelationshipType>>("relationship").Resolve(ctx => ctx.Source.Edge);
        Field<NonNullGraphType<NodeInterface>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
