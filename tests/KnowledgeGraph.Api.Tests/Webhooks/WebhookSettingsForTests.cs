namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>The API's settings for webhook tests: an API key, and retries and polls short enough for a test.</summary>
internal static class WebhookSettingsForTests
{
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
