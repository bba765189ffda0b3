using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Neo4j's HTTP Query API (<c>POST /db/{db}/query/v2</c>, Neo4j 5.19+), in its default plain-JSON format, with Polly around
/// every call (see <see cref="Neo4jResilience"/>). One instance per server: it holds the breaker, and its HttpClient comes
/// from the factory (<see cref="HttpClientName"/>, configured in <see cref="GraphSetup.AddGraphHttpClients"/>). The HTTP
/// resilience handlers are not used: what is retried depends on the Neo4j error code in the body and on whether the
/// statement is a read, which only this class knows.
/// </summary>
/// <remarks>
/// Every request is one statement in an implicit (auto-commit) transaction: the server commits or rolls it back before it
/// answers, so no server transaction is ever left open by a lost reply, and it works on a self-managed cluster, where the
/// Query API's explicit transactions are not supported.
/// </remarks>
public sealed class Neo4jQueryClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Neo4jResilience _resilience;

    public const string HttpClientName = "neo4j";

    public Neo4jQueryClient(IHttpClientFactory httpClients, Neo4jSettings settings, Neo4jResilienceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.Url.AbsoluteUri.EndsWith('/') ? settings.Url : new Uri(settings.Url.AbsoluteUri + "/");
        QueryUri = new Uri(root, $"db/{Uri.EscapeDataString(settings.Database)}/query/v2");
        _http = httpClients.CreateClient(HttpClientName);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _resilience = new Neo4jResilience(options ?? new Neo4jResilienceOptions());
    }

    public Uri QueryUri { get; }

    /// <summary>
    /// Runs a read, retried when the failure is transient, but not after a call timeout: the abandoned query may still be
    /// running on the server, and running it again would only add to the load that made it slow.
    /// </summary>
    public async Task<Neo4jResult> RunAsync(string statement, JsonObject? parameters, CancellationToken ct) =>
        await _resilience.ReadRetry.ExecuteAsync(async token => await SendAsync(statement, parameters, token), ct);

    /// <summary>
    /// Runs a write whose effect is idempotent (upserts keyed by stable ids, guarded by sequence), retried on every
    /// transient failure including a timeout or a lost reply: if the first attempt did commit, the retry changes nothing.
    /// </summary>
    public async Task<Neo4jResult> WriteAsync(string statement, JsonObject? parameters, CancellationToken ct) =>
        await _resilience.Retry.ExecuteAsync(async token => await SendAsync(statement, parameters, token), ct);

    private async Task<Neo4jResult> SendAsync(string statement, JsonObject? parameters, CancellationToken ct) =>
        await _resilience.PerCall.ExecuteAsync(async token =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, QueryUri)
            {
                Content = JsonContent.Create(new QueryRequest(statement, parameters ?? []), options: QueryResponse.Json),
            };
            using var response = await _http.SendAsync(message, token);
            var text = await response.Content.ReadAsStringAsync(token);
            var body = Parse(response, text);
            return new Neo4jResult(body.Data?.Fields ?? [], body.Data?.Values ?? [], body.Bookmarks ?? []);
        }, ct);

    /// <summary>
    /// Errors in the body win over the HTTP status: the Query API answers an error with its Neo4j code (HTTP 400 for client
    /// and transient errors alike), and may answer 202 and still report one. An error without a code is still an error.
    /// </summary>
    private static QueryResponse Parse(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var transientStatus = status >= 500 || status is 408 or 429;
        QueryResponse? body = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                body = JsonSerializer.Deserialize<QueryResponse>(text, QueryResponse.Json);
            }
            catch (JsonException e)
            {
                throw new Neo4jException("KG.InvalidResponse", $"the response is not the Query API's JSON: {e.Message}", status, transientStatus);
            }
        }
        if (body?.Errors is { Count: > 0 } errors)
        {
            var code = errors.Select(e => e?.Code).FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? $"HTTP.{status}";
            var messages = errors.Select(e => e?.Message).Where(m => !string.IsNullOrEmpty(m)).ToList();
            throw new Neo4jException(code, messages.Count > 0 ? string.Join(" | ", messages) : "an error without a message", status,
                code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) || (code.StartsWith("HTTP.", StringComparison.Ordinal) && transientStatus));
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new Neo4jException($"HTTP.{status}", text.Length > 0 ? text[..Math.Min(text.Length, 500)] : response.ReasonPhrase ?? "", status, transientStatus);
        }
        return body ?? new QueryResponse(null, null, null);
    }

    public void Dispose() => _http.Dispose();
}
