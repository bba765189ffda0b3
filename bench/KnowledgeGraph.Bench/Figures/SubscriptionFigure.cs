using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Bench.Load;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Import;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figure 5: from an import's commit to the WebSocket <c>next</c> of a subscriber of <c>eventRecorded</c>, against the
/// projection's checkpoint passing the same event, measured for each event in the same run.
/// </summary>
public static class SubscriptionFigure
{
    public static async Task RunAsync(string server, BenchSize size, Report report)
    {
        await using var database = await BenchDatabase.CreateAsync(server, "subscription");
        using var api = ServerProcess.Start(RepositoryPaths.Api, _ => [], new Dictionary<string, string> { ["KG_POSTGRES"] = database.ConnectionString });
        await api.WaitAsync(async http => (await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode, TimeSpan.FromMinutes(2));
        using var http = new HttpClient { BaseAddress = api.Address };
        var after = (await http.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative))).GetProperty("lastStoredSequence").GetInt64();
        using var socket = await SubscribeAsync(api.Address, after);
        await using var store = EventStoreSetup.CreateStore(database.ConnectionString);
        var importer = new Importer(store, database.ConnectionString);
        var delivered = new List<double>();
        var projected = new List<double>();
        var count = Math.Max(5, size.QueryRepeats * 5);
        for (var i = 0; i < count; i++)
        {
            var line = $$$"""{"id":"bench-sub-{{{i}}}","type":"OrganizationRegistered","effectiveDate":"2025-01-01","source":{"title":"Benchmark","publisher":"Bench"},"data":{"orgId":"bench-sub-{{{i}}}","name":"Bench {{{i}}}","country":"US","kind":"company"}}""";
            await importer.ImportAsync([new InputLine("bench", 1, line)]);
            var committed = Stopwatch.StartNew();
            var next = ReceiveNextAsync(socket);
            var sequence = await next;
            delivered.Add(committed.Elapsed.TotalMilliseconds);
            while ((await http.GetFromJsonAsync<JsonElement>(new Uri("/health", UriKind.Relative))).GetProperty("lastProjectedSequence").GetInt64() < sequence)
            {
                await Task.Delay(5);
            }
            projected.Add(committed.Elapsed.TotalMilliseconds);
        }
        var (p50, p99) = (Percentile(delivered, 0.5), Percentile(delivered, 0.99));
        var (r50, r99) = (Percentile(projected, 0.5), Percentile(projected, 0.99));
        report.Add(new Row("5", $"Subscription delivery latency, import commit to WebSocket `next`, {count} events",
            $"p50 {Row.Number(p50, "0.0")} ms, p99 {Row.Number(p99, "0.0")} ms",
            $"p50 {Row.Number(r50, "0.0")} ms, p99 {Row.Number(r99, "0.0")} ms (projection checkpoint past the event)",
            Row.Percent(p50 / r50), "", null));
    }

    /// <summary>Subscribes after the last stored sequence, so that no event imported next can be missed.</summary>
    private static async Task<ClientWebSocket> SubscribeAsync(Uri address, long after)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{address.Authority}/graphql"), CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init" });
        await ReceiveAsync(socket);
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = $"subscription {{ eventRecorded(afterSequence: {after}) {{ sequence }} }}" } });
        return socket;
    }

    private static async Task<long> ReceiveNextAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (message.GetProperty("type").GetString() == "next")
            {
                return message.GetProperty("payload").GetProperty("data").GetProperty("eventRecorded").GetProperty("sequence").GetInt64();
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(text.ToArray())).RootElement.Clone();
    }

    private static double Percentile(List<double> values, double rank)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(rank * sorted.Count) - 1)];
    }
}
