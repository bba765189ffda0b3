using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using KnowledgeGraph.Bench.Load;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// The README's questions against running APIs on the same store, side by side: each question alone (one client, best
/// of 3 after a warm-up), then 32 clients sending them in turn (closed loop), with the API's resident memory before the
/// questions and its peak under the load. The APIs take turns; a difference in an answer between them is flagged.
/// </summary>
public static class ReadSideFigure
{
    private const int Clients = 32;

    public sealed record Target(string Label, Uri Url, int? Pid);

    public static async Task<int> RunAsync(string orgId, string otherId, TimeSpan loadTime, IReadOnlyList<Target> targets)
    {
        var questions = ReadmeQuestions.For(orgId, otherId);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(120) };
        var alone = new Dictionary<(string, string), double>();
        var answers = new Dictionary<(string, string), string>();
        var mixed = new Dictionary<string, (double PerSecond, double P50, double P99, double PathP50, int Failed, double? RssStart, double? Peak)>();
        foreach (var target in targets)
        {
            var rssStart = Memory(target.Pid, "VmRSS:");
            foreach (var (name, body) in questions)
            {
                // The answer, not its envelope: extensions.cost tells each process's own budget.
                answers[(target.Label, name)] = System.Text.Json.JsonDocument.Parse(await SendAsync(http, target.Url, body)).RootElement.GetProperty("data").GetRawText();
                var best = double.MaxValue;
                for (var i = 0; i < 3; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await SendAsync(http, target.Url, body);
                    best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                }
                alone[(target.Label, name)] = best;
            }
            if (target.Pid is { } pid)
            {
                File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            }
            var (perSecond, p50, p99, pathP50, failed) = await MixedAsync(http, target.Url, questions, loadTime);
            mixed[target.Label] = (perSecond, p50, p99, pathP50, failed, rssStart, Memory(target.Pid, "VmHWM:"));
        }
        Console.WriteLine(Table(questions.Select(q => q.Name).ToList(), targets, alone, answers, mixed));
        return 0;
    }

    private static async Task<(double PerSecond, double P50, double P99, double PathP50, int Failed)> MixedAsync(HttpClient http, Uri url,
        IReadOnlyList<(string Name, byte[] Body)> questions, TimeSpan limit)
    {
        var latencies = new List<(int Question, double Ms)>();
        var next = -1;
        var failed = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var q = Interlocked.Increment(ref next) % questions.Count;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await SendAsync(http, url, questions[q].Body);
                    lock (latencies)
                    {
                        latencies.Add((q, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.Select(l => l.Ms).Order().ToArray();
        var path = latencies.Where(l => questions[l.Question].Name.StartsWith("shortestPath", StringComparison.Ordinal)).Select(l => l.Ms).Order().ToArray();
        return (all.Length / seconds, Percentile(all, 0.5), Percentile(all, 0.99), Percentile(path, 0.5), failed);
    }

    private static async Task<string> SendAsync(HttpClient http, Uri url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal)
            ? text : throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
    }

    private static string Table(List<string> names, IReadOnlyList<Target> targets, Dictionary<(string, string), double> alone,
        Dictionary<(string, string), string> answers, Dictionary<string, (double PerSecond, double P50, double P99, double PathP50, int Failed, double? RssStart, double? Peak)> mixed)
    {
        var text = new StringBuilder();
        var first = targets[0].Label;
        text.AppendLine(CultureInfo.InvariantCulture, $"| Question (one client, best of 3) | {string.Join(" | ", targets.Select(t => t.Label))} | {string.Join(" | ", targets.Skip(1).Select(t => $"{first} / {t.Label}"))} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|{string.Concat(targets.Select(_ => "---|"))}{string.Concat(targets.Skip(1).Select(_ => "---|"))}");
        foreach (var name in names)
        {
            var same = targets.All(t => answers[(t.Label, name)] == answers[(first, name)]) ? "" : " (answers differ)";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name}{same} | {string.Join(" | ", targets.Select(t => $"{alone[(t.Label, name)]:0.0} ms"))} | {string.Join(" | ", targets.Skip(1).Select(t => $"{alone[(first, name)] / alone[(t.Label, name)]:0.0}×"))} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| {Clients} clients, the questions in turn | req/s | p50 | p99 | shortestPath p50 | failed | RSS before the questions | peak RSS under load |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var t in targets)
        {
            var m = mixed[t.Label];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {t.Label} | {m.PerSecond:0.0} | {m.P50:0.0} ms | {m.P99:0.0} ms | {m.PathP50:0.0} ms | {m.Failed} | {Mib(m.RssStart)} | {Mib(m.Peak)} |");
        }
        return text.ToString();
    }

    private static string Mib(double? mib) => mib is { } m ? $"{m:0} MiB" : "n/a";

    private static double? Memory(int? pid, string key)
    {
        var status = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).First(l => l.StartsWith(key, StringComparison.Ordinal));
        return double.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
