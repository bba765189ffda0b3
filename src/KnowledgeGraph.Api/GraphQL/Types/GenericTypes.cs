using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Any relationship of the graph, one version of it.</summary>
public sealed class RelationshipType : ObjectGraphType<GraphEdge>
{
    private static readonly HashSet<string> FromDeals = [Relationships.Supplies, Relationships.InvestedIn, Relationships.Owns];

    public RelationshipType()
    {
        Name = "Relationship";
        Field<NonNullGraphType<RelationshipTypeGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<NodeInterface>>("from").Resolve(ctx => ctx.Loaders().Node(ctx.Source.FromLabel, ctx.Source.FromId));
        Field<NonNullGraphType<NodeInterface>>("to").Resolve(ctx => ctx.Loaders().Node(ctx.Source.ToLabel, ctx.Source.ToId));
        Field<NonNullGraphType<StringGraphType>>("key").Description("What distinguishes it from its siblings: a deal id, a product, a bloc, a role.").Resolve(ctx => ctx.Source.Key);
        Field<DealType>("deal").Description("The deal it comes from (SUPPLIES, INVESTED_IN, OWNS, PARTY_TO); null for the others.")
            .Resolve(ctx => FromDeals.Contains(ctx.Source.Type) ? ctx.Loaders().Node(Labels.Deal, ctx.Source.Key)
                : ctx.Source.Type == Relationships.PartyTo ? ctx.Loaders().Node(Labels.Deal, ctx.Source.ToId) : null);
        Field<StringGraphType>("status").Description("In this version: a supply agreement's, an investment's or an operated facility's status.")
            .Resolve(ctx => ctx.Source.Text("status"));
        Field<StringGraphType>("product").Description("The product supplied (SUPPLIES).").Resolve(ctx => ctx.Source.Text("product"));
        Field<DecimalGraphType>("stakePercent").Description("The stake held (OWNS) or invested (INVESTED_IN).").Resolve(ctx => ctx.Source.Number("stakePercent"));
        this.AddValidityAndSources(e => e);
    }
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
