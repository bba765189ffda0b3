using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.Bench.Load;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figure 2l: the projection's lag while 32 clients read. The API runs on the served store; half the clients ask for an
/// organization with its suppliers, half the flagship question (figure 3's load generator), and meanwhile
/// <c>kg import</c> stores a batch of new events. <c>/health</c> is sampled for the stored sequence minus the projected one.
/// </summary>
public static class LagFigure
{
    private const int ClientsPerQuestion = 16;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["KG_RATE_LIMIT_PER_MINUTE"] = "2000000000",
        ["KG_COST_BUDGET_PER_MINUTE"] = "2000000000",
        ["KG_ANSWER_CACHE_MB"] = "0",
    };

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        // The store of figure 3; it runs last, since it adds events to it.
        var store = await workload.ImportedAsync(server, size.ServeOrgs);
        using var api = GraphQLFigure.ApiProcess(store.ConnectionString, Settings);
        await api.WaitAsync(GraphQLFigure.ProjectedAsync, TimeSpan.FromMinutes(30));
        store.Projected = true;
        var url = new Uri(api.Address, "graphql");
        var orgBody = ServedQueries.OrganizationBody(await GraphQLFigure.MostSuppliedAsync(store.ConnectionString));
        using var orgLoad = new LoadGenerator(ClientsPerQuestion);
        using var flagshipLoad = new LoadGenerator(ClientsPerQuestion);
        using var health = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };

        // The load runs until the projection has caught up (or the time limit); the import starts once the clients are going.
        using var stopLoad = new CancellationTokenSource();
        var loads = new[]
        {
            orgLoad.RunAsync(url, orgBody, 1_000_000, size.LagLoadTime, stopLoad.Token),
            flagshipLoad.RunAsync(url, ServedQueries.FlagshipBody(), 1_000_000, size.LagLoadTime, stopLoad.Token),
        };
        var loadClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var samples = new List<(TimeSpan At, long Lag)>();
        using var stopSampling = new CancellationTokenSource();
        var sampler = SampleAsync(health, samples, loadClock, stopSampling.Token);
        var importStarted = loadClock.Elapsed;
        var lines = ImportFigure.NewOrganizations($"zz-bench-lag-{Guid.NewGuid():N}"[..24], size.LagEvents);
        await ImportFigure.KgImportAsync(store.ConnectionString, lines, "lag");
        var importEnded = loadClock.Elapsed;
        TimeSpan? caughtUp = null;
        while (caughtUp is null && loadClock.Elapsed < size.LagLoadTime)
        {
            await Task.Delay(SampleEvery);
            lock (samples)
            {
                caughtUp = samples.Where(s => s.At >= importEnded && s.Lag == 0).Select(s => (TimeSpan?)s.At).FirstOrDefault();
            }
        }
        var stillLoaded = loadClock.Elapsed < size.LagLoadTime;
        await stopLoad.CancelAsync();
        await stopSampling.CancelAsync();
        await sampler;
        var results = await Task.WhenAll(loads);
        var maxLag = samples.Count == 0 ? 0 : samples.Max(s => s.Lag);
        var requests = results.Sum(r => r.Completed);
        var perSecond = results.Sum(r => r.PerSecond);
        var back = caughtUp is { } at ? at - importEnded : (TimeSpan?)null;
        report.Add(new Row("2l", $"Projection lag while {2 * ClientsPerQuestion} clients read (organization and flagship question) and `kg import` stores {size.LagEvents:N0} new events",
            back is { } b ? string.Create(CultureInfo.InvariantCulture, $"back to 0 {b.TotalSeconds:0.0} s after the import; max lag {maxLag:N0} events")
                : $"not back to 0 within {(size.LagLoadTime - importEnded).TotalSeconds:0} s of the import; max lag {maxLag:N0} events",
            string.Create(CultureInfo.InvariantCulture, $"the import took {(importEnded - importStarted).TotalSeconds:0.0} s under the load; {perSecond:N0} req/s, {requests:N0} answered{Failures(results)}; {samples.Count} samples of /health"),
            back is { } s2 ? $"{s2.TotalSeconds:0.0} s" : "", "<= 10 s", back <= Target && stillLoaded));
    }

    /// <summary>The load's failed requests, as <see cref="LoadResult.Describe"/> writes them: nothing when there were none.</summary>
    private static string Failures(LoadResult[] results) => results.Sum(r => r.Failed) is var failed and > 0 ? string.Create(CultureInfo.InvariantCulture, $", {failed} failed") : "";

    /// <summary>Samples <c>/health</c> until cancelled: lastStoredSequence minus lastProjectedSequence, with the time it was read.</summary>
    private static async Task SampleAsync(HttpClient health, List<(TimeSpan, long)> samples, Stopwatch clock, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var status = await health.GetFromJsonAsync<JsonElement>(new Uri("health", UriKind.Relative), ct);
                var lag = status.GetProperty("lastStoredSequence").GetInt64() - status.GetProperty("lastProjectedSequence").GetInt64();
                lock (samples)
                {
                    samples.Add((clock.Elapsed, lag));
                }
                await Task.Delay(SampleEvery, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A sample that timed out under the load: the next one is taken.
            }
        }
    }
}
