using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

public class HealthTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Health_ReportsTheDatabaseUp_AndTheNumberOfStoredEvents()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var store = database.CreateStore())
        {
            var lines = new[]
            {
                """{"id":"h-1","type":"BlocJoined","effectiveDate":"2024-03-07","source":{"title":"Sweden joins NATO","publisher":"NATO"},"data":{"country":"SE","bloc":"NATO"}}""",
                """{"id":"h-2","type":"BlocJoined","effectiveDate":"2023-04-04","source":{"title":"Finland joins NATO","publisher":"NATO"},"data":{"country":"FI","bloc":"NATO"}}""",
            };
            await new Importer(store, database.ConnectionString).ImportAsync(lines.Select((l, i) => new InputLine("t", i + 1, l)), ct: ct);
        }
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up", body.GetProperty("database").GetString());
        Assert.Equal(2, body.GetProperty("storedEvents").GetInt64());
    }

    [Fact]
    public async Task Health_Answers503NamingTheDatabaseDown_OnceItsDatabaseStops()
    {
        // Given an API on its own embedded PostgreSQL, in a data folder of its own
        var dataDir = Path.Combine(Path.GetTempPath(), $"kg-health-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string?> { ["KG_POSTGRES"] = null, ["KG_DATA_DIR"] = dataDir, ["KG_PG_PORT"] = null };
        try
        {
            using var api = ApiProcess.Start(null, new Dictionary<string, string> { ["KG_DATA_DIR"] = dataDir });
            await api.UntilHealthyAsync();

            // When that database stops
            var stop = await KgProcess.RunAsync(environment, "db", "stop");
            Assert.Equal("stopped", stop.Output.Trim());

            // Then /health answers 503, saying the database is down
            var body = await Eventually.UntilAsync("/health answered 503", async () =>
            {
                using var response = await api.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
                return response.StatusCode == HttpStatusCode.ServiceUnavailable
                    ? await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)
                    : (JsonElement?)null;
            }, body => body is not null);
            Assert.Equal("unavailable", body!.Value.GetProperty("status").GetString());
            Assert.Equal("down", body.Value.GetProperty("database").GetString());
        }
        finally
        {
            await KgProcess.RunAsync(environment, "db", "stop");
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
