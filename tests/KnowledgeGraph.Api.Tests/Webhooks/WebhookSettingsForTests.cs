namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>The API's settings for webhook tests: an API key, and retries and polls short enough for a test.</summary>
internal static class WebhookSettingsForTests
{
    /// <summary>Standard Webhooks secrets (whsec_ and 32 bytes in base64), one for each use.</summary>
    public const string Secret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    public const string OtherSecret = "whsec_ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=";

    public const string RestartSecret = "whsec_MjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFE=";

    public static Dictionary<string, string> With(int maxAttempts = 5, string timeoutSeconds = "10") => new()
    {
        ["KG_API_KEYS"] = WebhookApi.Key,
        ["KG_WEBHOOK_MAX_ATTEMPTS"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["KG_WEBHOOK_RETRY_DELAY_SECONDS"] = "0.05",
        ["KG_WEBHOOK_MAX_RETRY_DELAY_SECONDS"] = "0.2",
        ["KG_WEBHOOK_TIMEOUT_SECONDS"] = timeoutSeconds,
        ["KG_WEBHOOK_POLL_SECONDS"] = "0.2",
    };
}
