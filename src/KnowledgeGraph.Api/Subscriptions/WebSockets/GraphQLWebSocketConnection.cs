using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Transport;

namespace KnowledgeGraph.Api.Subscriptions.WebSockets;

/// <summary>
/// One socket speaking graphql-transport-ws. Messages are read by one loop and written by another (a channel in
/// between), so sends never overlap; a close jumps the queue.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection(
    WebSocket socket, HttpContext http, IDocumentExecuter<KnowledgeGraphSchema> executer, IGraphQLTextSerializer serializer,
    ApiKeys apiKeys, SubscriptionSettings settings, ILogger logger) : ISubscriptionHost, IDisposable
{
    private const int MaxMessageBytes = 1_048_576;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _readAbort = new();
    private readonly TaskCompletionSource<(int Code, string Reason)> _close = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _initReceived;
    private readonly SubscriptionCap _subscriptionCap = new(settings.MaxSubscriptions);
    private bool _acknowledged;
    private bool _authenticated;

    public SemaphoreSlim SendBudget { get; } = new(settings.MaxPendingEvents, settings.MaxPendingEvents);

    public int MaxPendingEvents => settings.MaxPendingEvents;

    public TimeSpan SendTimeout => settings.SendTimeout;

    public void Dispose()
    {
        _closing.Dispose();
        _readAbort.Dispose();
        _sendAbort.Dispose();
    }

    public void CloseTooSlow(string reason) => Close(CloseCodes.TooSlow, reason);

    public async Task RunAsync()
    {
        var writer = Task.Run(WriteLoopAsync);
        _ = CloseUnlessInitializedAsync();
        try
        {
            await ReadLoopAsync();
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            SubscriptionLog.SocketGone(logger, e);
        }
        finally
        {
            _closing.Cancel();
            foreach (var operation in _operations.Values)
            {
                operation.Dispose();
            }
            _outbox.Writer.TryComplete();
            await writer;
        }
    }

    private void Close(int code, string reason)
    {
        var text = Encoding.UTF8.GetByteCount(reason) <= 123 ? reason : reason[..Math.Min(reason.Length, 100)];
        if (_close.TrySetResult((code, text)))
        {
            _outbox.Writer.TryWrite(Outgoing.Wake);
            // A client that stopped reading cannot be sent the close frame: its socket is aborted instead.
            try
            {
                _sendAbort.CancelAfter(CloseGrace);
            }
            catch (ObjectDisposedException)
            {
                // The connection is already over.
            }
        }
    }

    private async Task CloseUnlessInitializedAsync()
    {
        try
        {
            await Task.Delay(settings.InitTimeout, _closing.Token);
            if (Volatile.Read(ref _initReceived) == 0)
            {
                Close(CloseCodes.InitTimeout, "Connection initialisation timeout");
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _readAbort.Token);
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer, abort.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            message.Write(buffer, 0, received.Count);
            if (message.Length > MaxMessageBytes)
            {
                Close(CloseCodes.BadRequest, $"Message larger than {MaxMessageBytes} bytes");
                return;
            }
            if (!received.EndOfMessage)
            {
                continue;
            }
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            if (received.MessageType != WebSocketMessageType.Text || !Handle(text))
            {
                if (received.MessageType != WebSocketMessageType.Text)
                {
                    Close(CloseCodes.BadRequest, "Messages must be text (JSON)");
                }
                return;
            }
        }
    }

    /// <summary>Handles one message; false when the connection is being closed.</summary>
    private bool Handle(string text)
    {
        if (Parse(text) is not { } message || message["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            Close(CloseCodes.BadRequest, "Invalid message: a JSON object with a string 'type' is expected");
            return false;
        }
        switch (type)
        {
            case "connection_init":
                return Initialize(message["payload"]);
            case "ping":
                Send(Json(new JsonObject { ["type"] = "pong" }));
                return true;
            case "pong":
                return true;
            case "subscribe":
                return Subscribe(message);
            case "complete":
                if (Id(message) is { } id && _operations.TryRemove(id, out var operation))
                {
                    operation.Dispose();
                }
                return true;
            default:
                Close(CloseCodes.BadRequest, $"Invalid message type '{type}'");
                return false;
        }
    }

    private bool Initialize(JsonNode? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            Close(CloseCodes.TooManyInitRequests, "Too many initialisation requests");
            return false;
        }
        var authorization = (payload as JsonObject)?.FirstOrDefault(p => p.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value?.ToString();
        var credentials = apiKeys.Check(authorization ?? http.Request.Headers.Authorization.ToString());
        if (credentials == Credentials.InvalidKey)
        {
            Close(CloseCodes.Forbidden, "Forbidden: the API key is not one of KG_API_KEYS");
            return false;
        }
        _authenticated = credentials == Credentials.ValidKey;
        _acknowledged = true;
        Send(Json(new JsonObject { ["type"] = "connection_ack" }));
        return true;
    }

    private bool Subscribe(JsonObject message)
    {
        if (!_acknowledged)
        {
            Close(CloseCodes.Unauthorized, "Unauthorized");
            return false;
        }
        var id = Id(message);
        GraphQLRequest? request = null;
        if (id is null || message["payload"] is not JsonObject payload || payload["query"] is not JsonValue query || !query.TryGetValue<string>(out _)
            || (request = TryRequest(payload)) is null)
        {
            Close(CloseCodes.BadRequest, "Invalid subscribe message: an 'id' and a 'payload' with a 'query' string are expected");
            return false;
        }
        if (_operations.Count >= settings.MaxOperations)
        {
            SendError(id, Refusal("TOO_MANY_OPERATIONS",
                $"This connection already runs {settings.MaxOperations} operations (KG_WS_MAX_OPERATIONS); complete one first"));
            return true;
        }
        var operation = new Operation(_closing.Token);
        if (!_operations.TryAdd(id, operation))
        {
            Close(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return false;
        }
        _ = ExecuteAsync(id, request, operation);
        return true;
    }

    private GraphQLRequest? TryRequest(JsonObject payload)
    {
        try
        {
            return serializer.Deserialize<GraphQLRequest>(payload.ToJsonString());
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Id(JsonObject message) =>
        message["id"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 ? id : null;

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonArray Refusal(string code, string message) =>
        new(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["code"] = code } });

    private static string Json(JsonObject message) => message.ToJsonString();

    private void Send(string message, bool budgeted = false) => _outbox.Writer.TryWrite(new Outgoing(message, budgeted));

    private sealed record Outgoing(string? Message, bool Budgeted)
    {
        public static readonly Outgoing Wake = new(null, false);
    }
}
