using KnowledgeGraph.Api.Subscriptions.WebSockets;
using KnowledgeGraph.EventStore.Settings;

namespace KnowledgeGraph.Api.Subscriptions;

public static class SubscriptionSetup
{
    /// <summary>The event feed (one per process, fed from the event store) and what subscriptions resolve with.</summary>
    public static IServiceCollection AddKnowledgeGraphSubscriptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<SubscriptionSettings>(configuration);
        services.AddSingleton<EventStoreReader>();
        services.AddSingleton<AppendNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<AppendNotifications>());
        services.AddSingleton<EventFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<EventFeed>());
        services.AddSingleton<ProjectionProgress>();
        services.AddSingleton<DealEvents>();
        services.AddSingleton<StandingAnswers>();
        services.AddSingleton<ServerSentEvents.GraphQLSseEndpoint>();
        return services;
    }

    /// <summary>
    /// GraphQL over WebSocket (graphql-transport-ws) at <c>/graphql</c>: upgrade requests are taken here, before
    /// routing, so that the HTTP GET endpoint of the same path never sees them.
    /// </summary>
    public static WebApplication UseGraphQLWebSockets(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Use(async (http, next) =>
        {
            if (http.Request.Path == "/graphql" && http.WebSockets.IsWebSocketRequest)
            {
                await GraphQLWebSocketMiddleware.HandleAsync(http);
                return;
            }
            await next(http);
        });
        return app;
    }
}
