using KnowledgeGraph.EventStore.Settings;
using Marten;

namespace KnowledgeGraph.Api.Webhooks;

public static class WebhookSetup
{
    /// <summary>
    /// Webhooks: the registry, the outbox subscriptions the async daemon runs (deal events, standing questions) (one process at a time), and the dispatcher
    /// that delivers from the outbox. Needs <c>AddKnowledgeGraph</c> (the event store and its daemon) and
    /// <c>AddKnowledgeGraphSubscriptions</c> (the event feed, whose head a registration starts from).
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<WebhookSettings>(configuration);
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<StandingQuestionOutbox>();
        services.ConfigureMarten((sp, options) =>
        {
            options.Projections.Subscribe(sp.GetRequiredService<WebhookOutbox>());
            options.Projections.Subscribe(sp.GetRequiredService<StandingQuestionOutbox>());
        });
        // Redirects are not followed: a 3xx is not an acknowledgement. Timeouts are per attempt, in the sender.
        services.AddHttpClient(WebhookSender.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
