using KnowledgeGraph.Api.Subscriptions;

namespace KnowledgeGraph.Api.Webhooks;

public static class WebhookSetup
{
    /// <summary>
    /// Webhooks: the registry, and the dispatcher that delivers matching deal events from the event store. Needs
    /// <c>AddKnowledgeGraphSubscriptions</c> (the event feed and the deal matching).
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WebhookSettings.From(key => configuration[key]));
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton(sp => new WebhookSender(
            // Redirects are not followed: a 3xx is not an acknowledgement. Timeouts are per attempt, in the sender.
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            sp.GetRequiredService<WebhookSettings>()));
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
