using System.Globalization;
using KnowledgeGraph.Api.Subscriptions;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// How webhooks are delivered: the attempts, timeout and first retry delay come from the KG_WEBHOOK_* settings that
/// <see cref="SubscriptionSettings"/> reads; the longest retry delay and how often a quiet worker looks for work are
/// read here. Every value can be lowered in tests.
/// </summary>
public sealed record WebhookSettings(int MaxAttempts, TimeSpan Timeout, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan PollInterval)
{
    public static WebhookSettings From(SubscriptionSettings subscriptions, Func<string, string?> setting) => new(
        MaxAttempts: subscriptions.WebhookMaxAttempts,
        Timeout: subscriptions.WebhookTimeout,
        BaseDelay: subscriptions.WebhookBaseDelay,
        MaxDelay: Seconds(setting, "KG_WEBHOOK_MAX_RETRY_DELAY_SECONDS", 60),
        PollInterval: Seconds(setting, "KG_WEBHOOK_POLL_SECONDS", 1));

    private static TimeSpan Seconds(Func<string, string?> setting, string key, double fallback) => TimeSpan.FromSeconds(setting(key) switch
    {
        null or "" => fallback,
        var text when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; it must be a number of seconds above 0 (e.g. 10 or 0.5)"),
    });
}
