using System.Diagnostics;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>
/// Sixteen clients asking the most expensive question allowed (a shortest path of 8 hops that finds nothing, so the
/// search visits the whole graph) while one client asks a trivial lookup: with the expensive-question gate, the
/// lookup stays within 3x of its unloaded latency. The same load against a server without the gate, measured in the
/// same run, is printed beside it as the reference. Loopback only, bounded in time.
/// </summary>
public class CostLoadTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const int Clients = 16;
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(8);
    private const string Expensive = """{ shortestPath(from: "yantai-capital-1", to: "AQ", maxHops: 8) { length } }""";
    private const string Trivial = """{ organization(id: "yantai-capital-1") { id name } }""";

    // All clients share the loopback address: the budget and the request rate limit are set out of the way (clients the
    // gate refuses at once come back at once), so that the gate alone is measured.
    private static readonly Dictionary<string, string> Gated = new()
    {
        ["KG_COST_BUDGET_PER_MINUTE"] = "100000000",
        ["KG_RATE_LIMIT_PER_MINUTE"] = "100000000",
    };
    private static readonly Dictionary<string, string> Ungated = new(Gated) { ["KG_GRAPHQL_EXPENSIVE_CONCURRENCY"] = "1000" };

    [Fact]
    public async Task TrivialLookup_StaysWithin3xOfItsUnloadedLatency_WhileExpensiveQuestionsRun()
    {
        await ImportSyntheticGraphAsync();

        // The gated server first: the process's memory only grows, so its peak is not inflated by the reference.
        var gated = await MeasureAsync(Gated);
        var ungated = await MeasureAsync(Ungated);

        var report = $"""
            trivial lookup p50, unloaded -> under {Clients} clients asking shortestPath(maxHops: 8) for {LoadTime.TotalSeconds:0} s
              with the gate (1 expensive at a time on {Environment.ProcessorCount} cores): {gated.Unloaded:0.0} ms -> {gated.Loaded:0.0} ms = {gated.Ratio:0.00}x, {gated.ExpensiveDone} expensive answered, {gated.Refused} refused busy, memory +{gated.MemoryGrowthMb:0} MB
              without it (reference):  {ungated.Unloaded:0.0} ms -> {ungated.Loaded:0.0} ms = {ungated.Ratio:0.00}x, {ungated.ExpensiveDone} expensive answered, {ungated.Refused} refused busy, memory +{ungated.MemoryGrowthMb:0} MB
            """;
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);
        Assert.True(gated.Ratio <= 3, report);
        Assert.True(gated.ExpensiveDone > 0, report);
        Assert.True(gated.MemoryGrowthMb < 500, report);
    }

    private async Task ImportSyntheticGraphAsync()
    {
        var generated = await KgProcess.RunAsync(database.ConnectionString, "generate", "--orgs", "300", "--seed", "7");
        Assert.Equal(0, generated.ExitCode);
        var file = Path.Combine(Path.GetTempPath(), $"kg-load-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, generated.Output, TestContext.Current.CancellationToken);
        try
        {
            var import = await KgProcess.RunAsync(database.ConnectionString, "import", file);
            Assert.True(import.ExitCode == 0, import.Errors);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<Measurement> MeasureAsync(Dictionary<string, string> settings)
    {
        await using var server = new ApiServer<Program>(database.ConnectionString, settings);
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, TestContext.Current.CancellationToken);
        await LatenciesAsync(client, TimeSpan.FromSeconds(1), CancellationToken.None); // warm up
        var unloaded = Median(await LatenciesAsync(client, TimeSpan.FromSeconds(2), CancellationToken.None));

        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var peak = before;
        using var stop = new CancellationTokenSource(LoadTime);
        var answered = 0;
        var refused = 0;
        var load = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            using var attacker = server.CreateHttpClient();
            while (!stop.IsCancellationRequested)
            {
                var answer = await attacker.PostGraphQLAsync(new { query = Expensive });
                Interlocked.Increment(ref answer.Status == System.Net.HttpStatusCode.OK ? ref answered : ref refused);
            }
        })).ToList();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(100);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the load build up
        var loaded = Median(await LatenciesAsync(client, LoadTime - TimeSpan.FromSeconds(1.5), CancellationToken.None));
        await Task.WhenAll(load);
        await sampler;
        return new Measurement(unloaded, loaded, answered, refused, (peak - before) / 1_048_576.0);
    }

    private static async Task<List<double>> LatenciesAsync(HttpClient client, TimeSpan duration, CancellationToken ct)
    {
        var latencies = new List<double>();
        var until = Stopwatch.StartNew();
        while (until.Elapsed < duration)
        {
            var watch = Stopwatch.StartNew();
            var answer = await client.PostGraphQLAsync(new { query = Trivial });
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
            await Task.Delay(20, ct);
        }
        return latencies;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private sealed record Measurement(double Unloaded, double Loaded, int ExpensiveDone, int Refused, double MemoryGrowthMb)
    {
        public double Ratio => Loaded / Unloaded;
    }
}
