using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>A node's attributes through GraphQL: as they were at asOf, as recorded at the knowledge point asked for.</summary>
public class AttributesOverTimeTests
{
    [Fact]
    public async Task AFacilityChangedIn2024_ShowsItsAttributesAtAsOf_AsRecordedAtEachKnowledgePoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await KnowledgeServer.ImportAsync(database, "attributes-1-registered.jsonl");
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);
        var first = (await client.PostGraphQLAsync(new { query = "{ countries { code } }" })).Body
            .GetProperty("extensions").GetProperty("knowledge").GetProperty("sequence").GetInt64();
        await KnowledgeServer.ImportAsync(database, "attributes-2-changed.jsonl");
        await HealthPolling.UntilProjectedAsync(client, ct);

        static string Plant(string alias, string asOf, string knowledge = "") =>
            $$"""{{alias}}: facility(id: "lulea-plant", asOf: "{{asOf}}"{{knowledge}}) { status capacityTonnesPerYear operator { name } }""";
        var answer = await client.PostGraphQLAsync(new
        {
            query = $"{{ {Plant("then2023", "2023-06-01", $", knownAtSequence: {first}")} {Plant("then2025", "2025-06-01", $", knownAtSequence: {first}")} "
                + $"{Plant("now2023", "2023-06-01")} {Plant("now2025", "2025-06-01")} }}",
        });

        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        var data = answer.Body.GetProperty("data");
        string At(string alias) => JsonSerializer.Serialize(data.GetProperty(alias));
        const string Building = """{"status":"UNDER_CONSTRUCTION","capacityTonnesPerYear":null,"operator":{"name":"Nordic Oxides"}}""";
        Assert.Equal([Building, Building, Building], new[] { At("then2023"), At("then2025"), At("now2023") });
        Assert.Equal("""{"status":"OPERATING","capacityTonnesPerYear":2000,"operator":{"name":"Nordic Rare Earths"}}""", At("now2025"));
    }
}
