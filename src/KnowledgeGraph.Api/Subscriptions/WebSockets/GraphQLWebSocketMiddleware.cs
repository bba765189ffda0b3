using System.Net.WebSockets;
using GraphQL;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Transport;

namespace KnowledgeGraph.Api.Subscriptions.WebSockets;

/// <summary>
/// Takes WebSocket upgrades to <c>/graphql</c> before routing reaches the HTTP GET endpoint of the same path.
/// </summary>
internal static class GraphQLWebSocketMiddleware
{
    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(CloseCodes.Protocol, StringComparer.Ordinal))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await refused.CloseAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client left without answering the close.
            }
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync(CloseCodes.Protocol);
        using var connection = new GraphQLWebSocketConnection(socket, http,
            services.GetRequiredService<IDocumentExecuter<KnowledgeGraphSchema>>(),
            services.GetRequiredService<IGraphQLTextSerializer>(),
            services.GetRequiredService<ApiKeys>(),
            services.GetRequiredService<SubscriptionSettings>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("KnowledgeGraph.Api.Subscriptions.WebSockets"));
        await connection.RunAsync();
    }
}
