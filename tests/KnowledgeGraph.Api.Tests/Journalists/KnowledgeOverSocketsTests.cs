using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Tests.Integrations;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>A query over a WebSocket (graphql-transport-ws) and over Server-Sent Events reports its knowledge point as over HTTP, and answers at it.</summary>
public class KnowledgeOverSocketsTests(KnowledgeServer scenario) : IClassFixture<KnowledgeServer>
{
    private const string Flagship = """{ firmsLackingSupplier(product: "magnet", bloc: "NATO", excludeSupplierCountries: ["CN"], asOf: "2026-01-01", first: 500) { nodes { organization { id } } } }""";

    private long Latest => scenario.Points[2].GetProperty("sequence").GetInt64();

    private static string Ids(JsonNode? payload) =>
        string.Join(",", payload!["data"]!["firmsLackingSupplier"]!["nodes"]!.AsArray().Select(n => n!["organization"]!["id"]!.GetValue<string>()));

    [Fact]
    public async Task AQueryOverAWebSocket_CarriesTheKnowledgePointItWasAnsweredAt()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(scenario.Server.WebSocketAddress);

        await client.SubscribeAsync("flagship", Flagship);
        var payload = (await client.NextAsync())["payload"];

        Assert.Equal("rotor-werke", Ids(payload));
        Assert.Equal(Latest, payload!["extensions"]!["knowledge"]!["sequence"]!.GetValue<long>());
        Assert.NotNull(payload["extensions"]!["knowledge"]!["recordedAt"]);
    }

    [Fact]
    public async Task AQueryOverServerSentEvents_CarriesTheKnowledgePointItWasAnsweredAt()
    {
        await using var stream = await ServerSentEventsTests.EventReader.OpenAsync(scenario.Client, Flagship);

        var (kind, data) = await stream.NextAsync();
        var payload = JsonNode.Parse(data);

        Assert.Equal("next", kind);
        Assert.Equal("rotor-werke", Ids(payload));
        Assert.Equal(Latest, payload!["extensions"]!["knowledge"]!["sequence"]!.GetValue<long>());
        Assert.Equal(("complete", ""), await stream.NextAsync());
    }
}
