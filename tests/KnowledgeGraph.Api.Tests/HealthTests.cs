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
}
