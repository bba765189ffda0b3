using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace KnowledgeGraph.Bench.Load;

public sealed record LoadResult(int Completed, int Failed, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Completed / Seconds;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{PerSecond:N0} req/s, p50 {P50Ms:0.0} ms, p99 {P99Ms:0.0} ms{(Failed > 0 ? $", {Failed} failed" : "")}");
}

/// <summary>
/// Closed-loop load on a loopback address: a fixed number of clients, each sending its next request when the last
/// answered, until the request count or the time limit is reached, whichever comes first.
/// </summary>
public sealed class LoadGenerator : IDisposable
{
    private readonly HttpClient _http;
    private readonly int _clients;

    public LoadGenerator(int clients)
    {
        _clients = clients;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public async Task<string> SendOnceAsync(Uri url, byte[] body)
    {
        using var response = await _http.SendAsync(Request(url, body));
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Runs until <paramref name="requests"/> are answered, <paramref name="limit"/> has passed or <paramref name="stop"/> is cancelled.</summary>
    public async Task<LoadResult> RunAsync(Uri url, byte[] body, int requests, TimeSpan limit, CancellationToken stop = default)
    {
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"load is only ever sent to a loopback address, not {url}");
        }
        var latencies = new double[requests];
        var next = -1;
        var failed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, _clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests && Stopwatch.GetTimestamp() < deadline && !stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(url, body);
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var done = latencies.Where(l => l > 0).Order().ToArray();
        return new LoadResult(done.Length - failed, failed, seconds, Percentile(done, 0.50), Percentile(done, 0.99));
    }

    private async Task<bool> SendAsync(Uri url, byte[] body)
    {
        try
        {
            using var response = await _http.SendAsync(Request(url, body), HttpCompletionOption.ResponseContentRead);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static HttpRequestMessage Request(Uri url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        return request;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public void Dispose() => _http.Dispose();
}
