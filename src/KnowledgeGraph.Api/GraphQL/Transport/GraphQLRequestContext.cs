using GraphQL;
using KnowledgeGraph.Api.GraphQL.Cost;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>What a resolver and the cost analysis may know about the request that asked.</summary>
public interface IGraphQLRequestContext
{
    /// <summary>True when the request carried <c>Authorization: Bearer &lt;key&gt;</c> with a key from KG_API_KEYS.</summary>
    bool Authenticated { get; }

    /// <summary>Who pays the cost: the client's address (HTTP and WebSocket share one budget).</summary>
    string Client { get; }

    /// <summary>The computed cost of the operation, filled in by the analysis.</summary>
    RequestCost Cost { get; }
}

/// <summary>The user context of one GraphQL execution (GraphQL.NET wants a dictionary; resolvers read the interface).</summary>
internal sealed class GraphQLRequestContext(bool authenticated, string client) : Dictionary<string, object?>, IGraphQLRequestContext
{
    public bool Authenticated { get; } = authenticated;

    public string Client { get; } = client;

    public RequestCost Cost { get; } = new();

    /// <summary>The address a client's limits are kept under (behind a proxy, configure forwarded headers).</summary>
    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
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
