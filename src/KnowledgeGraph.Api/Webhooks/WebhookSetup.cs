using KnowledgeGraph.EventStore.Settings;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeGraph.Api.Webhooks;

public static class WebhookSetup
{
    /// <summary>
    /// Webhooks: the registry, the outbox subscription the async daemon runs (one process at a time), and the dispatcher
    /// that delivers from the outbox. Needs <c>AddKnowledgeGraph</c> (the event store and its daemon) and
    /// <c>AddKnowledgeGraphSubscriptions</c> (the event feed, whose head a registration starts from).
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<WebhookSettings>(configuration);
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookSignal>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookOutbox>();
        services.ConfigureMarten((sp, options) => options.Projections.Subscribe(sp.GetRequiredService<WebhookOutbox>()));
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
