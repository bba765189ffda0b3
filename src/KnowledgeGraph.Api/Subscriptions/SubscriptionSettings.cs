using KnowledgeGraph.EventStore.Settings;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>How subscriptions behave, with defaults that suit a single API node; every value can be lowered in tests to make a limit show.</summary>
public sealed class SubscriptionSettings
{
    [ConfigurationKeyName("KG_WS_INIT_TIMEOUT_SECONDS"), AboveZero]
    public double InitTimeoutSeconds { get; set; } = 10;

    [ConfigurationKeyName("KG_WS_MAX_PENDING_EVENTS"), AboveZero]
    public int MaxPendingEvents { get; set; } = 1000;

    [ConfigurationKeyName("KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS"), AboveZero]
    public double ProjectionWaitSeconds { get; set; } = 15;

    [ConfigurationKeyName("KG_EVENT_FEED_POLL_SECONDS"), AboveZero]
    public double PollIntervalSeconds { get; set; } = 1;

    [ConfigurationKeyName("KG_EVENT_FEED_GAP_GRACE_SECONDS"), AboveZero]
    public double GapGraceSeconds { get; set; } = 2;

    [ConfigurationKeyName("KG_WS_SEND_TIMEOUT_SECONDS"), AboveZero]
    public double SendTimeoutSeconds { get; set; } = 30;

    [ConfigurationKeyName("KG_WS_MAX_OPERATIONS"), AboveZero]
    public int MaxOperations { get; set; } = 50;

    [ConfigurationKeyName("KG_WS_MAX_SUBSCRIPTIONS"), AboveZero]
    public int MaxSubscriptions { get; set; } = 20;

    public TimeSpan InitTimeout => TimeSpan.FromSeconds(InitTimeoutSeconds);

    public TimeSpan ProjectionWait => TimeSpan.FromSeconds(ProjectionWaitSeconds);

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);

    public TimeSpan GapGrace => TimeSpan.FromSeconds(GapGraceSeconds);

    public TimeSpan SendTimeout => TimeSpan.FromSeconds(SendTimeoutSeconds);
}
