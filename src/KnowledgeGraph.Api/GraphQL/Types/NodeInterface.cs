using GraphQL.Types;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// Any node of the graph (Relay's <c>Node</c>): <c>node(id)</c>, <c>search</c>, <c>neighbours</c> and paths return it,
/// and a client asks for what it needs with <c>... on Organization</c>. Each implementation recognises its label.
/// </summary>
public sealed class NodeInterface : InterfaceGraphType<GraphNode>
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "A node of the graph: an Organization, Facility, Deal, Policy, Country, Bloc, Product or Category.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Its id: the orgId, facilityId, dealId or policyId of its events, an ISO country code, a bloc, a product or category code.");
    }
}

internal static class NodeImplementation
{
    /// <summary>Makes the type implement <c>Node</c> for the nodes of its record, with its <c>id</c>.</summary>
    public static void ImplementNode<TNode>(this ObjectGraphType<TNode> type, string idDescription) where TNode : GraphNode
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = source => source is TNode;
        type.Field<NonNullGraphType<IdGraphType>>("id").Description(idDescription).Resolve(ctx => ctx.Source.Id);
    }
}
