using KnowledgeGraph.EventStore.Settings;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>How webhooks are delivered; every value can be lowered in tests.</summary>
public sealed class WebhookSettings
{
    [ConfigurationKeyName("KG_WEBHOOK_MAX_ATTEMPTS"), AboveZero]
    public int MaxAttempts { get; set; } = 5;

    [ConfigurationKeyName("KG_WEBHOOK_TIMEOUT_SECONDS"), AboveZero]
    public double TimeoutSeconds { get; set; } = 10;

    [ConfigurationKeyName("KG_WEBHOOK_RETRY_DELAY_SECONDS"), AboveZero]
    public double BaseDelaySeconds { get; set; } = 1;

    [ConfigurationKeyName("KG_WEBHOOK_MAX_RETRY_DELAY_SECONDS"), AboveZero]
    public double MaxDelaySeconds { get; set; } = 60;

    [ConfigurationKeyName("KG_WEBHOOK_POLL_SECONDS"), AboveZero]
    public double PollIntervalSeconds { get; set; } = 1;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan BaseDelay => TimeSpan.FromSeconds(BaseDelaySeconds);

    public TimeSpan MaxDelay => TimeSpan.FromSeconds(MaxDelaySeconds);

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);
}
