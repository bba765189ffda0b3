using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>/metrics in the Prometheus text format, scraped while events are imported and questions asked.</summary>
public partial class MetricsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Metrics_ShowTheProjectionLagAndTheRequestCount_Changing()
    {
        var ct = TestContext.Current.CancellationToken;
        var generated = await KgProcess.RunAsync(database.ConnectionString, "generate", "--orgs", "300", "--seed", "11");
        Assert.Equal(0, generated.ExitCode);
        var lines = generated.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => new InputLine("generated", i + 1, l)).ToList();
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);
        var before = await ScrapeAsync(client);

        // When events are imported while /metrics is scraped
        Task import;
        await using (var store = database.CreateStore())
        {
            import = new Importer(store, database.ConnectionString).ImportAsync(lines, ct: ct);
            var lags = new List<double>();
            while (!import.IsCompleted || lags.Count == 0 || lags[^1] > 0)
            {
                lags.Add(Value(await ScrapeAsync(client), "kg_projection_lag"));
                await Task.Delay(200, ct);
                Assert.True(lags.Count < 600, "the projection did not catch up within two minutes: " + string.Join(", ", lags.TakeLast(10)));
            }
            await import;

            // Then the lag rose above 0 while the graph was behind, and came back to 0
            Assert.True(lags.Max() > 0, "the lag was never seen above 0: " + string.Join(", ", lags));
            Assert.Equal(0, lags[^1]);
        }

        // And the request count grows with the questions asked
        for (var i = 0; i < 5; i++)
        {
            await client.PostGraphQLAsync(new { query = "{ __typename }" });
        }
        var after = await ScrapeAsync(client);
        Assert.True(Value(after, "kg_events_stored_total") >= Value(before, "kg_events_stored_total") + lines.Count);
        Assert.True(Requests(after) >= Requests(before) + 5, $"requests {Requests(before)} -> {Requests(after)}");
        Assert.True(Value(after, "kg_graphql_cost_count") >= Value(before, "kg_graphql_cost_count") + 5);
    }

    private static async Task<string> ScrapeAsync(HttpClient client) =>
        await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>The sum of a metric's samples (all label sets); 0 when absent.</summary>
    private static double Value(string metrics, string name) => metrics.Split('\n')
        .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static double Requests(string metrics) => metrics.Split('\n')
        .Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && GraphQLRoute().IsMatch(l))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    [GeneratedRegex("http_route=\"/graphql/?\"")]
    private static partial Regex GraphQLRoute();
}
