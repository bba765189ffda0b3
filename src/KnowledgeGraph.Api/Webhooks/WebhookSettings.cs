using static KnowledgeGraph.Api.SettingReader;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>How webhooks are delivered, from the KG_WEBHOOK_* settings; every value can be lowered in tests.</summary>
public sealed record WebhookSettings(int MaxAttempts, TimeSpan Timeout, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan PollInterval)
{
    public static WebhookSettings From(Func<string, string?> setting) => new(
        MaxAttempts: Whole(setting, "KG_WEBHOOK_MAX_ATTEMPTS", 5),
        Timeout: Seconds(setting, "KG_WEBHOOK_TIMEOUT_SECONDS", 10),
        BaseDelay: Seconds(setting, "KG_WEBHOOK_RETRY_DELAY_SECONDS", 1),
        MaxDelay: Seconds(setting, "KG_WEBHOOK_MAX_RETRY_DELAY_SECONDS", 60),
        PollInterval: Seconds(setting, "KG_WEBHOOK_POLL_SECONDS", 1));
}
