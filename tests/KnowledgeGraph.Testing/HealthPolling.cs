using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.Testing;

/// <summary>The API's <c>/health</c>, and the one wait for the projection: until the graph holds every stored event.</summary>
public static class HealthPolling
{
    public static async Task<JsonElement> HealthAsync(HttpClient client, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative), ct);

    /// <summary>Polls /health until the graph has projected every stored event.</summary>
    public static Task<JsonElement> UntilProjectedAsync(HttpClient client, CancellationToken ct, TimeSpan? deadline = null) =>
        Eventually.UntilAsync("the projection caught up with the event store", () => HealthAsync(client, ct),
            health => health.GetProperty("lastProjectedSequence").GetInt64() >= health.GetProperty("lastStoredSequence").GetInt64(), deadline);
}
