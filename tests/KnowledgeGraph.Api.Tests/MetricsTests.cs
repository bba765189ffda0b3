using System.Globalization;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// /metrics in the Prometheus text format, scraped while events are imported and questions asked. Alone: meters are
/// process-wide, and the API servers of other tests in this process would register the same instruments.
/// </summary>
[Collection(nameof(MetricsTests))]
public class MetricsTests(TestDatabase database) : IClassFixture<TestDatabase>
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

        // When events are imported while the graph's tables are locked against writes (the projection held behind)
        await using (var store = database.CreateStore())
        {
            double behind;
            await using (await GraphLock.AgainstWritesAsync(database.ConnectionString, ct))
            {
                await new Importer(store, database.ConnectionString).ImportAsync(lines, ct: ct);
                behind = await Eventually.UntilAsync("the lag to count the events the graph has not taken",
                    async () => Value(await ScrapeAsync(client), "kg_projection_lag", Mine()), lag => lag > 0);
            }
            var caughtUp = await Eventually.UntilAsync("the lag back to 0 once the graph can be written",
                async () => Value(await ScrapeAsync(client), "kg_projection_lag", Mine()), lag => lag == 0);

            // Then the lag rose above 0 while the graph was behind, and came back to 0
            Assert.InRange(behind, 1, lines.Count);
            Assert.Equal(0, caughtUp);
        }

        // And the count of GraphQL requests grows with the questions asked
        for (var i = 0; i < 5; i++)
        {
            await client.PostGraphQLAsync(new { query = "{ __typename }" });
        }
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // past the exporter's scrape cache
        var after = await ScrapeAsync(client);
        Assert.True(Value(after, "kg_events_stored_total", Mine()) >= Value(before, "kg_events_stored_total", Mine()) + lines.Count);
        Assert.True(Value(after, "kg_graphql_requests_total", Mine()) >= Value(before, "kg_graphql_requests_total", Mine()) + 5,
            $"requests {Value(before, "kg_graphql_requests_total", Mine())} -> {Value(after, "kg_graphql_requests_total", Mine())}");
    }

    private static async Task<string> ScrapeAsync(HttpClient client) =>
        await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>The label of this test's database (other tests' servers share the process, and so the meters).</summary>
    private string Mine() => $"db_namespace=\"{new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database}\"";

    /// <summary>The sum of a metric's samples (those with the label, when given); 0 when absent.</summary>
    private static double Value(string metrics, string name, string? label = null) => metrics.Split('\n')
        .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
        .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    [CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
    public sealed class Alone;

}
