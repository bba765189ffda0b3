using GraphQL;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>What a resolver may know about the HTTP request that asked: whether it presented a valid API key.</summary>
public interface IGraphQLRequestContext
{
    /// <summary>True when the request carried <c>Authorization: Bearer &lt;key&gt;</c> with a key from KG_API_KEYS.</summary>
    bool Authenticated { get; }
}

/// <summary>The user context of one GraphQL execution (GraphQL.NET wants a dictionary; resolvers read the interface).</summary>
internal sealed class GraphQLRequestContext(bool authenticated) : Dictionary<string, object?>, IGraphQLRequestContext
{
    public bool Authenticated { get; } = authenticated;
}

public static class GraphQLRequestContextExtensions
{
    /// <summary>True when the request that runs this resolver presented a valid API key.</summary>
    public static bool IsAuthenticated(this IResolveFieldContext context) =>
        context.UserContext is IGraphQLRequestContext { Authenticated: true };

    /// <summary>For mutation resolvers: refuses the field with code UNAUTHENTICATED unless a valid API key was presented.</summary>
    public static void RequireApiKey(this IResolveFieldContext context)
    {
        if (!context.IsAuthenticated())
        {
            throw new ExecutionError("This field changes the graph: send an API key as 'Authorization: Bearer <key>' (see KG_API_KEYS)")
            {
                Code = "UNAUTHENTICATED",
            };
        }
    }
}
