using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>Any node of the graph, as the explorer and path answers show it.</summary>
public sealed class NodeType : ObjectGraphType<GraphNode>
{
    public NodeType()
    {
        Name = "Node";
        Field<NonNullGraphType<StringGraphType>>("label").Description("Organization, Facility, Country, Bloc, Product, Category, Deal or Policy.").Resolve(ctx => ctx.Source.Label);
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Caption);
        Field<StringGraphType>("country").Resolve(ctx => ctx.Source switch { Country c => c.Id, Organization o => o.Country, Facility f => f.Country, _ => null });
        Field<NonNullGraphType<StringGraphType>>("properties").Description("All attributes, as a JSON object.").Resolve(ctx => GraphJson.Of(ctx.Source).ToJsonString());
        Field<DateGraphType>("validFrom").Resolve(ctx => ctx.Source.ValidFrom);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventRecordType>>>>("events").Resolve(ctx => ctx.Loaders().Events(ctx.Source.EventIds));
    }
}

/// <summary>Any relationship of the graph, one version of it.</summary>
public sealed class RelationshipType : ObjectGraphType<GraphEdge>
{
    public RelationshipType()
    {
        Name = "Relationship";
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<NodeType>>("from").Resolve(ctx => ctx.Loaders().Node(ctx.Source.FromLabel, ctx.Source.FromId));
        Field<NonNullGraphType<NodeType>>("to").Resolve(ctx => ctx.Loaders().Node(ctx.Source.ToLabel, ctx.Source.ToId));
        Field<NonNullGraphType<StringGraphType>>("key").Description("What distinguishes it from its siblings: a deal id, a product, a bloc, a role.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("properties").Description("All attributes, as a JSON object.").Resolve(ctx => GraphJson.Of(ctx.Source).ToJsonString());
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
        Field<NonNullGraphType<NodeType>>("node").Resolve(ctx => ctx.Source.Node);
    }
}
