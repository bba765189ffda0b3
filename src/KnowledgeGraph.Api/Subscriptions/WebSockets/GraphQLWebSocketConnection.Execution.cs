using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Api.GraphQL.Transport;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.Subscriptions.WebSockets;

internal sealed partial class GraphQLWebSocketConnection
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _sendAbort = new();

    private async Task ExecuteAsync(string id, GraphQLRequest request, Operation operation)
    {
        try
        {
            var document = TryParse(http.RequestServices.GetRequiredService<IDocumentBuilder>(), request.Query ?? "");
            var isSubscription = document?.Definitions.OfType<GraphQLOperationDefinition>()
                .Where(o => request.OperationName is null || o.Name?.StringValue == request.OperationName)
                .Select(o => o.Operation).FirstOrDefault() == OperationType.Subscription;
            if (isSubscription && !TryHoldSubscription(operation))
            {
                SendError(id, Refusal("TOO_MANY_SUBSCRIPTIONS",
                    $"This connection already holds {settings.MaxSubscriptions} subscriptions (KG_WS_MAX_SUBSCRIPTIONS); complete one first"));
                Finish(id, operation);
                return;
            }
            var scope = operation.Own(http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope());
            // A query is read at one knowledge point, the one its answer reports; each event of a subscription at its own.
            var knowledge = isSubscription ? null : await scope.ServiceProvider.GetRequiredService<IGraphReader>().KnowledgeAsync(Knowledge.All, operation.Token);
            if (knowledge is not null)
            {
                scope.ServiceProvider.GetRequiredService<GraphLoaders>().Pin(knowledge.Sequence);
            }
            var context = new SubscriptionRequestContext(_authenticated, GraphQLRequestContext.ClientOf(http), this);
            using var cost = context.Cost;
            var result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = isSubscription ? new FreshLoaderServices(scope.ServiceProvider) : scope.ServiceProvider,
                User = http.User,
                UserContext = context,
                CancellationToken = operation.Token,
            });
            if (result.Streams is { Count: > 0 } streams)
            {
                operation.Attach(streams.Values.First().Subscribe(new ResultObserver(this, id, operation)));
                return;
            }
            if (!result.Executed || (result.Data is null && result.Errors is { Count: > 0 }))
            {
                SendError(id, Errors(result));
            }
            else
            {
                if (knowledge is not null)
                {
                    (result.Extensions ??= [])["knowledge"] = KnowledgeTime.Describe(knowledge);
                }
                Send(Next(id, result));
                Send(Json(new JsonObject { ["id"] = id, ["type"] = "complete" }));
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            return;
        }
        Finish(id, operation);
    }

    /// <summary>Counts a subscription against KG_WS_MAX_SUBSCRIPTIONS until its operation ends; false when none is left.</summary>
    private bool TryHoldSubscription(Operation operation)
    {
        if (!_subscriptionCap.TryHold())
        {
            return false;
        }
        operation.OnDispose(_subscriptionCap.Release);
        return true;
    }

    private void Finish(string id, Operation operation)
    {
        _operations.TryRemove(KeyValuePair.Create(id, operation));
        operation.Dispose();
    }

    private static GraphQLDocument? TryParse(IDocumentBuilder builder, string query)
    {
        try
        {
            return builder.Build(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return null;
        }
        catch (SyntaxError)
        {
            return null;
        }
    }

    private string Next(string id, ExecutionResult result) =>
        $$"""{"id":{{JsonValue.Create(id).ToJsonString()}},"type":"next","payload":{{serializer.Serialize(result)}}}""";

    private JsonNode Errors(ExecutionResult result) =>
        JsonNode.Parse(serializer.Serialize(result))?["errors"]?.DeepClone() ?? new JsonArray();

    private void SendError(string id, JsonNode errors) =>
        Send(Json(new JsonObject { ["id"] = id, ["type"] = "error", ["payload"] = errors }));

    private async Task WriteLoopAsync()
    {
        var outbox = _outbox.Reader;
        try
        {
            while (!_close.Task.IsCompleted && await outbox.WaitToReadAsync())
            {
                while (!_close.Task.IsCompleted && outbox.TryRead(out var item))
                {
                    if (item.Message is null)
                    {
                        continue;
                    }
                    await socket.SendAsync(Encoding.UTF8.GetBytes(item.Message), WebSocketMessageType.Text, true, _sendAbort.Token);
                    if (item.Budgeted)
                    {
                        SendBudget.Release();
                    }
                }
            }
            if (_close.Task.IsCompleted && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                var (code, reason) = await _close.Task;
                using var timeout = new CancellationTokenSource(CloseGrace);
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
            else if (socket.State == WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseGrace);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            SubscriptionLog.SocketGone(logger, e);
        }
        finally
        {
            // A reader still waiting for a client that never answers the close is let go after a grace period.
            _readAbort.CancelAfter(CloseGrace);
        }
    }

    /// <summary>Forwards a subscription's results to the outbox, each <c>next</c> counted against the send budget.</summary>
    private sealed class ResultObserver(GraphQLWebSocketConnection connection, string id, Operation operation) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => connection.Send(connection.Next(id, value), budgeted: true);

        public void OnError(Exception error)
        {
            connection.SendError(id, new JsonArray(new JsonObject { ["message"] = error.Message }));
            connection.Finish(id, operation);
        }

        public void OnCompleted()
        {
            connection.Send(Json(new JsonObject { ["id"] = id, ["type"] = "complete" }));
            connection.Finish(id, operation);
        }
    }
}
