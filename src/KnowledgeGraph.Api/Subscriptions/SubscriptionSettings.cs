using System.Globalization;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// How subscriptions and webhooks behave, read from configuration (environment variables) with defaults that suit a
/// single API node; every value can be lowered in tests to make a limit show.
/// </summary>
public sealed record SubscriptionSettings(
    TimeSpan InitTimeout,
    int MaxPendingEvents,
    TimeSpan ProjectionWait,
    TimeSpan PollInterval,
    TimeSpan GapGrace,
    int WebhookMaxAttempts,
    TimeSpan WebhookTimeout,
    TimeSpan WebhookBaseDelay)
{
    public static SubscriptionSettings From(Func<string, string?> setting) => new(
        InitTimeout: Seconds(setting, "KG_WS_INIT_TIMEOUT_SECONDS", 10),
        MaxPendingEvents: Whole(setting, "KG_WS_MAX_PENDING_EVENTS", 1000),
        ProjectionWait: Seconds(setting, "KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS", 15),
        PollInterval: Seconds(setting, "KG_EVENT_FEED_POLL_SECONDS", 1),
        GapGrace: Seconds(setting, "KG_EVENT_FEED_GAP_GRACE_SECONDS", 2),
        WebhookMaxAttempts: Whole(setting, "KG_WEBHOOK_MAX_ATTEMPTS", 5),
        WebhookTimeout: Seconds(setting, "KG_WEBHOOK_TIMEOUT_SECONDS", 10),
        WebhookBaseDelay: Seconds(setting, "KG_WEBHOOK_RETRY_DELAY_SECONDS", 1));

    private static int Whole(Func<string, string?> setting, string key, int fallback) => setting(key) switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; it must be a whole number above 0"),
    };

    private static TimeSpan Seconds(Func<string, string?> setting, string key, double fallback) => TimeSpan.FromSeconds(setting(key) switch
    {
        null or "" => fallback,
        var text when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; it must be a number of seconds above 0 (e.g. 10 or 0.5)"),
    });
}
