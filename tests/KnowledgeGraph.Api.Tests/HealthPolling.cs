using System.Net.Http.Json;
using System.Text.Json;

namespace KnowledgeGraph.Api.Tests;

internal static class HealthPolling
{
    public static async Task<JsonElement> HealthAsync(HttpClient client, CancellationToken ct) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative), ct);

    /// <summary>Polls /health until the graph has projected every stored event.</summary>
    public static async Task<JsonElement> UntilProjectedAsync(HttpClient client, CancellationToken ct, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var last = "the server never answered";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var health = await HealthAsync(client, ct);
                if (health.GetProperty("lastProjectedSequence").GetInt64() >= health.GetProperty("lastStoredSequence").GetInt64())
                {
                    return health;
                }
                last = health.ToString();
            }
            catch (HttpRequestException)
            {
                // The server is still starting.
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"the projection did not catch up within {seconds} s: {last}");
    }
}
