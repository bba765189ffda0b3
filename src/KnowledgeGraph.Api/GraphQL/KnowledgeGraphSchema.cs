using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Mutations;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The GraphQL schema of the knowledge graph: queries at any world date, mutations, subscriptions.</summary>
public sealed class KnowledgeGraphSchema : Schema
{
    public KnowledgeGraphSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        RegisterTypeMapping(typeof(DateOnly), typeof(DateGraphType));
        // Reached only through the Node interface (node, search, neighbours, paths), so named here.
        RegisterType(typeof(ProductType));
        RegisterType(typeof(CategoryType));
    }
}
