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
    TimeSpan GapGrace)
{
    public static SubscriptionSettings From(Func<string, string?> setting) => new(
        InitTimeout: Seconds(setting, "KG_WS_INIT_TIMEOUT_SECONDS", 10),
        MaxPendingEvents: Whole(setting, "KG_WS_MAX_PENDING_EVENTS", 1000),
        ProjectionWait: Seconds(setting, "KG_SUBSCRIPTION_PROJECTION_WAIT_SECONDS", 15),
        PollInterval: Seconds(setting, "KG_EVENT_FEED_POLL_SECONDS", 1),
        GapGrace: Seconds(setting, "KG_EVENT_FEED_GAP_GRACE_SECONDS", 2));
}
