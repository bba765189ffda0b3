using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Neo4j's HTTP Query API (<c>POST /db/{db}/query/v2</c>, Neo4j 5.19+), in its default plain-JSON format, with Polly around
/// every call (see <see cref="Neo4jResilience"/>). One instance per server: it holds the connection pool and the breaker.
/// </summary>
public sealed class Neo4jQueryClient : IDisposable
{
    internal const string AffinityHeader = "neo4j-cluster-affinity";

    private readonly HttpClient _http;
    private readonly Neo4jResilience _resilience;

    public Neo4jQueryClient(Neo4jSettings settings, Neo4jResilienceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.Url.AbsoluteUri.EndsWith('/') ? settings.Url : new Uri(settings.Url.AbsoluteUri + "/");
        QueryUri = new Uri(root, $"db/{Uri.EscapeDataString(settings.Database)}/query/v2");
        TransactionUri = new Uri(QueryUri.AbsoluteUri + "/tx");
        // The Polly timeout bounds each call; HttpClient's own would race it.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}")));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _resilience = new Neo4jResilience(options ?? new Neo4jResilienceOptions());
    }

    public Uri QueryUri { get; }

    public Uri TransactionUri { get; }

    /// <summary>Runs one statement in an implicit transaction (atomic on its own), retried when the failure is transient.</summary>
    public async Task<Neo4jResult> RunAsync(string statement, JsonObject? parameters, CancellationToken ct) =>
        await _resilience.Retry.ExecuteAsync(async token =>
            ToResult((await SendAsync(HttpMethod.Post, QueryUri, new QueryRequest(statement, parameters ?? []), null, token)).Body), ct);

    /// <summary>
    /// Runs <paramref name="work"/> in an explicit transaction and commits it. On a transient failure anywhere in it the
    /// transaction is rolled back and the whole of it runs again, so <paramref name="work"/> must start from scratch each time.
    /// </summary>
    public async Task<T> RunInTransactionAsync<T>(Func<Neo4jTransaction, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await _resilience.Retry.ExecuteAsync(async token =>
        {
            var transaction = new Neo4jTransaction(this);
            var committed = false;
            try
            {
                var result = await work(transaction, token);
                await transaction.CommitAsync(token);
                committed = true;
                return result;
            }
            finally
            {
                if (!committed)
                {
                    await transaction.RollbackAsync();
                }
            }
        }, ct);
    }

    internal async Task<(QueryResponse Body, string? Affinity)> SendAsync(HttpMethod method, Uri uri, QueryRequest? request, string? affinity, CancellationToken ct) =>
        await _resilience.PerCall.ExecuteAsync(async token =>
        {
            using var message = new HttpRequestMessage(method, uri);
            if (request is not null)
            {
                message.Content = JsonContent.Create(request, options: QueryResponse.Json);
            }
            if (affinity is not null)
            {
                message.Headers.Add(AffinityHeader, affinity);
            }
            using var response = await _http.SendAsync(message, token);
            var text = await response.Content.ReadAsStringAsync(token);
            var returnedAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return (Parse(response, text), returnedAffinity ?? affinity);
        }, ct);

    internal static Neo4jResult ToResult(QueryResponse body) =>
        new(body.Data?.Fields ?? [], body.Data?.Values ?? [], body.Bookmarks ?? []);

    /// <summary>Errors in the body win over the HTTP status: the Query API may answer 202 and still report an error.</summary>
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
            var first = errors[0];
            throw new Neo4jException(first.Code, string.Join(" | ", errors.Select(e => e.Message)), status,
                first.Code.StartsWith("Neo.TransientError.", StringComparison.Ordinal));
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new Neo4jException($"HTTP.{status}", text.Length > 0 ? text[..Math.Min(text.Length, 500)] : response.ReasonPhrase ?? "", status, transientStatus);
        }
        return body ?? new QueryResponse(null, null, null, null);
    }

    public void Dispose() => _http.Dispose();
}
