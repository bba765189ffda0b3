using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>A bare graphql-transport-ws client over ClientWebSocket: what the protocol tests send and see, message by message.</summary>
public sealed class GraphQLWsClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ClientWebSocket _socket = new();

    private GraphQLWsClient()
    {
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public static async Task<GraphQLWsClient> ConnectAsync(Uri address, string? subprotocol = "graphql-transport-ws")
    {
        var client = new GraphQLWsClient();
        if (subprotocol is not null)
        {
            client._socket.Options.AddSubProtocol(subprotocol);
        }
        await client._socket.ConnectAsync(address, CancellationToken.None);
        return client;
    }

    /// <summary>Connects and completes connection_init / connection_ack.</summary>
    public static async Task<GraphQLWsClient> ConnectAndInitAsync(Uri address, JsonObject? payload = null)
    {
        var client = await ConnectAsync(address);
        await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = payload });
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack?["type"]?.GetValue<string>());
        return client;
    }

    public Task SendAsync(JsonObject message) => SendTextAsync(message.ToJsonString());

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, JsonObject? variables = null) => SendAsync(new JsonObject
    {
        ["id"] = id,
        ["type"] = "subscribe",
        ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables },
    });

    /// <summary>The next message, or null when the server closed the socket (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonObject?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancel.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return (JsonObject)JsonNode.Parse(message.ToArray())!;
            }
        }
    }

    /// <summary>The next message that is not a ping/pong, failing on anything but a <c>next</c>.</summary>
    public async Task<JsonObject> NextAsync(TimeSpan? timeout = null)
    {
        var message = await ReceiveAsync(timeout) ?? throw new InvalidOperationException($"closed: {CloseStatus} {CloseReason}");
        Assert.True(message["type"]!.GetValue<string>() == "next", message.ToJsonString());
        return message;
    }

    /// <summary>Reads until the server closes; returns the close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }
        return ((int)_socket.CloseStatus!, _socket.CloseStatusDescription);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first.
            }
        }
        _socket.Dispose();
    }
}
