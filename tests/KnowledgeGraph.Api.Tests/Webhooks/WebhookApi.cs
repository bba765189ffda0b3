using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>The webhook mutations and queries over real HTTP, with the API key unless told otherwise.</summary>
public sealed class WebhookApi(Uri address, string? apiKey = WebhookApi.Key) : IDisposable
{
    public const string Key = "webhook-key";

    private readonly HttpClient _client = new()
    {
        BaseAddress = address,
        DefaultRequestHeaders = { Authorization = apiKey is null ? null : new AuthenticationHeaderValue("Bearer", apiKey) },
    };

    public Task<GraphQLAnswer> SendAsync(string query, object? variables = null) =>
        _client.PostGraphQLAsync(new { query, variables = variables ?? new { } });

    /// <summary>Registers a webhook for supply deals and returns its id.</summary>
    public async Task<string> RegisterAsync(Uri url, string secret)
    {
        var answer = await SendAsync("""
            mutation ($url: String!, $secret: String!) { registerWebhook(url: $url, secret: $secret, filter: { kinds: ["supply"] }) { id } }
            """, new { url = url.AbsoluteUri, secret });
        return Data(answer).GetProperty("registerWebhook").GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> WebhooksAsync() => Data(await SendAsync(
        "{ webhooks { id url cursor pending filter { kinds } deliveries { sequence eventId attempts lastError acknowledgedAt } } }")).GetProperty("webhooks");

    public async Task<JsonElement> DeadLettersAsync(string webhookId) => Data(await SendAsync(
        "query ($id: ID) { deadLetters(webhookId: $id) { id webhookId sequence eventId attempts lastError failedAt } }", new { id = webhookId }))
        .GetProperty("deadLetters");

    /// <summary>Polls deadLetters until it lists <paramref name="count"/> entries.</summary>
    public Task<JsonElement> UntilDeadLettersAsync(string webhookId, int count) =>
        Eventually.UntilAsync($"{count} dead letters", () => DeadLettersAsync(webhookId), letters => letters.GetArrayLength() == count);

    /// <summary>The webhook as listed, once it is as wanted.</summary>
    public Task<JsonElement> UntilWebhookAsync(string id, Func<JsonElement, bool> wanted) => Eventually.UntilAsync(
        $"webhook {id}", async () => (await WebhooksAsync()).EnumerateArray().Single(w => w.GetProperty("id").GetString() == id), wanted);

    public void Dispose() => _client.Dispose();

    private static JsonElement Data(GraphQLAnswer answer) =>
        answer.Body.TryGetProperty("errors", out var errors) ? throw new InvalidOperationException(errors.ToString()) : answer.Body.GetProperty("data");
}
