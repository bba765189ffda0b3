using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>The limits of /graphql hold over the socket too: the cost, the budget, the caps per connection, the filters.</summary>
public sealed class WebSocketLimitsTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private const string LongestPath = """shortestPath(from: "a", to: "b", maxHops: 8) { length }""";
    private ApiServer<Program> _server = null!;

    public ValueTask InitializeAsync()
    {
        _server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string>
        {
            ["KG_WS_MAX_SUBSCRIPTIONS"] = "3",
            ["KG_WS_MAX_OPERATIONS"] = "5",
            ["KG_GRAPHQL_MAX_COMPLEXITY"] = "6000",
            ["KG_COST_BUDGET_PER_MINUTE"] = "6000",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SubscriptionsPastTheCap_AreRefusedWithAnError_WhileTheOthersStay()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        for (var i = 1; i <= 4; i++)
        {
            await client.SubscribeAsync($"s{i}", "subscription { eventRecorded { sequence } }");
        }
        var refusal = await client.ReceiveAsync();
        await client.SendAsync(new JsonObject { ["type"] = "ping" });

        Assert.Equal("error", refusal?["type"]?.GetValue<string>());
        Assert.Equal("s4", refusal?["id"]?.GetValue<string>());
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", refusal!["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task AQuestionOverTheMaximumCost_IsRefusedOverTheSocket_AndTheBudgetIsSpentThere()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SubscribeAsync("aliased", "{ " + string.Concat(Enumerable.Range(0, 5).Select(i => $"p{i}: {LongestPath} ")) + "}");
        var tooCostly = await client.ReceiveAsync();
        var codes = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            await client.SubscribeAsync($"q{i}", $"{{ {LongestPath} }}");
            var answer = await client.ReceiveAsync();
            codes.Add(answer?["type"]?.GetValue<string>() == "error"
                ? answer["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()
                : answer?["type"]?.GetValue<string>());
            if (answer?["type"]?.GetValue<string>() == "next")
            {
                await client.ReceiveAsync(); // complete
            }
        }

        Assert.Equal("COMPLEXITY", tooCostly!["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(["next", "next", "COST_BUDGET_EXHAUSTED"], codes);
    }

    [Theory]
    [InlineData("""{ kinds: ["nope"] }""", "filter.kinds")]
    [InlineData("""{ countries: ["zz"] }""", "filter.countries")]
    [InlineData("""{ products: ["unobtainium"] }""", "filter.products")]
    [InlineData("""{ blocs: ["OPEC"] }""", "filter.blocs")]
    public async Task AFilterThatCouldNeverMatch_IsRefusedNamingTheValue(string filter, string field)
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SubscribeAsync("f", $"subscription {{ dealRecorded(filter: {filter}) {{ sequence }} }}");
        var refusal = await client.ReceiveAsync();

        Assert.Equal("error", refusal?["type"]?.GetValue<string>());
        var error = refusal!["payload"]![0]!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(field, error["extensions"]!["field"]!.GetValue<string>());
    }
}
