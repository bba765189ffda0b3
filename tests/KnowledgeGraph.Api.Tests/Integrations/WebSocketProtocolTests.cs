using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>The graphql-transport-ws protocol at /graphql, seen from a raw ClientWebSocket: the handshake and every close code.</summary>
public sealed class WebSocketProtocolTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private ApiServer<Program> _server = null!;

    public ValueTask InitializeAsync()
    {
        // The init window keeps its default (10 s): a test that initializes must not race a short one on a loaded
        // machine, and the one that never initializes waits for the close whatever its length.
        _server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string>
        {
            ["KG_API_KEYS"] = "integration-key",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ConnectionInit_IsAcknowledged_AndPingIsAnsweredWithPong()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SendAsync(new JsonObject { ["type"] = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task AQuery_OverTheSocket_AnswersWithNextThenComplete()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SubscribeAsync("q1", "{ bloc(id: \"NATO\") { id } }");

        var next = await client.NextAsync();
        Assert.Equal("NATO", next["payload"]!["data"]!["bloc"]!["id"]!.GetValue<string>());
        Assert.Equal("complete", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task AnInvalidQuery_IsAnsweredWithAnErrorMessage_AndTheConnectionStaysOpen()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SubscribeAsync("bad", "subscription { noSuchField }");
        var error = await client.ReceiveAsync();
        await client.SendAsync(new JsonObject { ["type"] = "ping" });

        Assert.Equal("error", error?["type"]?.GetValue<string>());
        Assert.Contains("noSuchField", error!["payload"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task AClientWithoutTheSubprotocol_IsClosedWith4406()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(_server.WebSocketAddress, subprotocol: null);

        Assert.Equal(4406, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task ASubscribeBeforeTheAcknowledgement_IsClosedWith4401()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(_server.WebSocketAddress);

        await client.SubscribeAsync("s1", "subscription { eventRecorded { sequence } }");

        Assert.Equal(4401, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task ASecondConnectionInit_IsClosedWith4429()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SendAsync(new JsonObject { ["type"] = "connection_init" });

        Assert.Equal(4429, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task AMessageThatIsNotJson_IsClosedWith4400()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SendTextAsync("this is not json");

        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4400, code);
        Assert.Contains("Invalid message", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubscribeReusingARunningId_IsClosedWith4409()
    {
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(_server.WebSocketAddress);

        await client.SubscribeAsync("same", "subscription { eventRecorded { sequence } }");
        await client.SubscribeAsync("same", "subscription { eventRecorded { sequence } }");

        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for same already exists", reason);
    }

    [Fact]
    public async Task AConnectionNeverInitialized_IsClosedWith4408()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(_server.WebSocketAddress);

        Assert.Equal(4408, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task AWrongApiKeyInConnectionInit_IsClosedWith4403()
    {
        await using var client = await GraphQLWsClient.ConnectAsync(_server.WebSocketAddress);

        await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["Authorization"] = "Bearer wrong-key" } });

        Assert.Equal(4403, (await client.ClosedAsync()).Code);
    }
}
