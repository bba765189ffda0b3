using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Api.GraphQL.Transport;
using KnowledgeGraph.Graph.Ports;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Subscriptions.ServerSentEvents;

/// <summary>
/// GraphQL over Server-Sent Events (the graphql-sse protocol, distinct connections mode) at <c>POST /graphql/stream</c>,
/// for clients behind proxies that block WebSocket: one operation per request; a subscription streams a <c>next</c>
/// event per result until the client disconnects, a query or mutation gives one <c>next</c> and <c>complete</c>. The
/// request is read and checked as on <c>/graphql</c>; cost, budget, the send buffer and the subscription cap
/// (KG_WS_MAX_SUBSCRIPTIONS, here per client address) are those of the WebSocket transport.
/// </summary>
internal sealed class GraphQLSseEndpoint(
    IDocumentExecuter<KnowledgeGraphSchema> executer,
    IDocumentBuilder documentBuilder,
    GraphQLRequestReader reader,
    ApiKeys apiKeys,
    GraphQLLimits limits,
    GraphQLResponseWriter writer,
    SubscriptionSettings settings)
{
    private const string EventStreamType = "text/event-stream";

    /// <summary>The subscriptions held by each client address.</summary>
    internal KeyedSubscriptionCap Caps { get; } = new(settings.MaxSubscriptions);

    public async Task HandleAsync(HttpContext http)
    {
        if (!AcceptsEventStream(http))
        {
            await GraphQLResponseWriter.WriteErrorAsync(http, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"This endpoint streams '{EventStreamType}': send 'Accept: {EventStreamType}' (or use /graphql)");
            return;
        }
        var (request, problem) = GraphQLMediaTypes.IsJsonBody(http.Request.ContentType)
            ? await reader.FromBodyAsync(http.Request, http.RequestAborted)
            : (null, new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"The body must be '{GraphQLMediaTypes.Json}' (UTF-8), not '{http.Request.ContentType ?? "(no Content-Type)"}'"));
        var credentials = apiKeys.Check(http.Request.Headers.Authorization);
        if (problem is null && credentials == Credentials.InvalidKey)
        {
            problem = new RequestProblem(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "The API key in 'Authorization: Bearer <key>' is not one of KG_API_KEYS; send none to read anonymously");
        }
        var document = problem is null ? GraphQLEndpoint.TryParse(documentBuilder, request!.Query!, out problem) : null;
        if (problem is not null)
        {
            await GraphQLResponseWriter.WriteProblemAsync(http, GraphQLMediaTypes.Json, problem);
            return;
        }
        var isSubscription = document is not null
            && GraphQLEndpoint.SelectOperation(document, request!.OperationName)?.Operation == OperationType.Subscription;
        var client = GraphQLRequestContext.ClientOf(http);
        using var stream = new EventStream(http, settings);
        var held = isSubscription && Caps.TryHold(client);
        try
        {
            if (isSubscription && !held)
            {
                stream.Next(Refusal("TOO_MANY_SUBSCRIPTIONS",
                    $"This address already holds {Caps.Max} subscriptions (KG_WS_MAX_SUBSCRIPTIONS); close one first"));
                stream.Complete();
                await stream.RunAsync();
                return;
            }
            await ExecuteAsync(http, request!, document, stream, new SubscriptionRequestContext(credentials == Credentials.ValidKey, client, stream));
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            if (held)
            {
                Caps.Release(client);
            }
        }
    }

    private async Task ExecuteAsync(HttpContext http, GraphQLRequest request, GraphQLDocument? document, EventStream stream, SubscriptionRequestContext context)
    {
        // A query is read at one knowledge point, the one its answer reports; each event of a subscription at its own.
        var isSubscription = document is not null && GraphQLEndpoint.SelectOperation(document, request.OperationName)?.Operation == OperationType.Subscription;
        var knowledge = isSubscription ? null : await http.RequestServices.GetRequiredService<IGraphReader>().KnowledgeAsync(Knowledge.All, http.RequestAborted);
        if (knowledge is not null)
        {
            http.RequestServices.GetRequiredService<GraphLoaders>().Pin(knowledge.Sequence);
        }
        ExecutionResult result;
        using (context.Cost)
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = isSubscription ? new FreshLoaderServices(http.RequestServices) : http.RequestServices,
                User = http.User,
                UserContext = context,
                CancellationToken = http.RequestAborted,
            });
        }
        if (result.Streams is { Count: > 0 } streams)
        {
            using var subscription = streams.Values.First().Subscribe(new ResultObserver(this, stream));
            await stream.RunAsync();
            return;
        }
        (result.Extensions ??= [])["cost"] = context.Cost.Describe(limits.MaxComplexity, limits.CostBudgetPerMinute);
        if (knowledge is not null)
        {
            result.Extensions["knowledge"] = KnowledgeTime.Describe(knowledge);
        }
        stream.Next(Serialize(result));
        stream.Complete();
        await stream.RunAsync();
    }

    /// <summary>A result as JSON, or an error in its place when it is over KG_GRAPHQL_MAX_RESPONSE_BYTES.</summary>
    private string Serialize(ExecutionResult result) => writer.SerializeWithinCap(result) ?? Refusal(GraphQLResponseWriter.TooLargeCode, writer.TooLarge);

    private static string Refusal(string code, string message) => new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["extensions"] = new JsonObject { ["code"] = code } }),
    }.ToJsonString();

    private static bool AcceptsEventStream(HttpContext http) =>
        MediaTypeHeaderValue.TryParseList(http.Request.Headers.Accept, out var ranges)
        && ranges.Any(r => r.MediaType.Equals(EventStreamType, StringComparison.OrdinalIgnoreCase) && (r.Quality ?? 1.0) > 0);

    /// <summary>Streams a subscription's results, each <c>next</c> counted against the send budget.</summary>
    private sealed class ResultObserver(GraphQLSseEndpoint endpoint, EventStream stream) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value) => stream.Next(endpoint.Serialize(value), budgeted: true);

        public void OnError(Exception error)
        {
            stream.Next(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = error.Message }) }.ToJsonString());
            stream.Complete();
        }

        public void OnCompleted() => stream.Complete();
    }
}
