using static KnowledgeGraph.Api.SettingReader;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// How subscriptions behave, read from configuration (environment variables) with defaults that suit a single API
/// node; every value can be lowered in tests to make a limit show.
/// </summary>
public sealed record SubscriptionSettings(
    TimeSpan InitTimeout,
    int MaxPendingEvents,
    TimeSpan ProjectionWait,
    TimeSpan PollInterval,
    TimeSpan GapGrace,
    TimeSpan SendTimeout,
    int MaxOperations,
    int MaxSubscriptions)
{
    public static SubscriptionSettings From(Func<string, string?> setting) => new(
        InitTimeout: Seconds(setting, "KG_WS_INIT_TIMEOUT_SECONDS", 10),
        MaxPendingEvents: Whole(setting, "KG_WS_MAX_PENDING_EVENTS", 1000),
        ProjectionWait: Seconds(setting, "KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS", 15),
        PollInterval: Seconds(setting, "KG_EVENT_FEED_POLL_SECONDS", 1),
        GapGrace: Seconds(setting, "KG_EVENT_FEED_GAP_GRACE_SECONDS", 2),
        SendTimeout: Seconds(setting, "KG_WS_SEND_TIMEOUT_SECONDS", 30),
        MaxOperations: Whole(setting, "KG_WS_MAX_OPERATIONS", 50),
        MaxSubscriptions: Whole(setting, "KG_WS_MAX_SUBSCRIPTIONS", 20));
}
