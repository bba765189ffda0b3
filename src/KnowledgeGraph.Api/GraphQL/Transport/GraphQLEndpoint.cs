using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using KnowledgeGraph.Api.GraphQL.Cost;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// <c>/graphql</c> as the GraphQL-over-HTTP specification describes it: GET (queries only) and POST application/json,
/// <c>Accept</c> negotiation between application/graphql-response+json and application/json, and the status codes
/// that go with each. A browser asking for HTML gets GraphiQL instead. Every answer carries, in
/// <c>extensions.knowledge</c>, the knowledge point the graph held when the request began.
/// </summary>
internal sealed class GraphQLEndpoint(
    IDocumentExecuter<KnowledgeGraphSchema> executer,
    IDocumentBuilder documentBuilder,
    GraphQLRequestReader reader,
    GraphQLResponseWriter writer,
    ApiKeys apiKeys,
    GraphQLLimits limits,
    IGraphReader graph,
    AnswerCache answers)
{
    private long _answered;

    /// <summary>GraphQL requests answered (GraphiQL pages aside), for the metrics.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public async Task HandleGetAsync(HttpContext http, string? graphiqlFolder)
    {
        if (GraphQLMediaTypes.AcceptsHtml(http.Request.Headers.Accept) && !http.Request.Query.ContainsKey("query"))
        {
            await GraphiQLAssets.ServePageAsync(http, graphiqlFolder);
            return;
        }
        if (Negotiate(http) is not { } mediaType)
        {
            await GraphQLResponseWriter.WriteNotAcceptableAsync(http);
            return;
        }
        Interlocked.Increment(ref _answered);
        var (request, problem) = reader.FromQueryString(http.Request.Query);
        await ExecuteAsync(http, mediaType, request, problem, allowMutations: false);
    }

    public async Task HandlePostAsync(HttpContext http)
    {
        Interlocked.Increment(ref _answered);
        if (Negotiate(http) is not { } mediaType)
        {
            await GraphQLResponseWriter.WriteNotAcceptableAsync(http);
            return;
        }
        if (!GraphQLMediaTypes.IsJsonBody(http.Request.ContentType))
        {
            var problem = new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                $"The body must be '{GraphQLMediaTypes.Json}' (UTF-8), not '{http.Request.ContentType ?? "(no Content-Type)"}'");
            await GraphQLResponseWriter.WriteProblemAsync(http, mediaType, problem);
            return;
        }
        var (request, bodyProblem) = await reader.FromBodyAsync(http.Request, http.RequestAborted);
        await ExecuteAsync(http, mediaType, request, bodyProblem, allowMutations: true);
    }

    private async Task ExecuteAsync(HttpContext http, string mediaType, GraphQLRequest? request, RequestProblem? problem, bool allowMutations)
    {
        var credentials = apiKeys.Check(http.Request.Headers.Authorization);
        if (credentials == Credentials.InvalidKey)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            problem = new RequestProblem(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                "The API key in 'Authorization: Bearer <key>' is not one of KG_API_KEYS; send none to read anonymously");
        }
        var document = problem is null ? TryParse(documentBuilder, request!.Query!, out problem) : null;
        var operation = document is null ? null : SelectOperation(document, request!.OperationName);
        problem ??= RefuseOperation(operation, allowMutations, http);
        if (problem is not null)
        {
            await GraphQLResponseWriter.WriteProblemAsync(http, mediaType, problem);
            return;
        }
        var context = new GraphQLRequestContext(credentials == Credentials.ValidKey, GraphQLRequestContext.ClientOf(http));
        var knowledge = await graph.KnowledgeAsync(Knowledge.All, http.RequestAborted);
        var key = answers.KeyOf(request!, operation, knowledge, context.Authenticated);
        ExecutionResult result;
        using (context.Cost)
        {
            result = answers.Find(key, context.Cost) ?? await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request!.Query,
                Document = document,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                RequestServices = http.RequestServices,
                User = http.User,
                UserContext = context,
                CancellationToken = http.RequestAborted,
            });
        }
        answers.Keep(key, result, context.Cost);
        (result.Extensions ??= [])["cost"] = context.Cost.Describe(limits.MaxComplexity, limits.CostBudgetPerMinute);
        result.Extensions["knowledge"] = KnowledgeTime.Describe(knowledge);
        if (result.Errors?.OfType<CostRefusal>().FirstOrDefault() is { } refusal)
        {
            http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await writer.WriteResultAsync(http, mediaType, refusal.Status, result);
            return;
        }
        await writer.WriteResultAsync(http, mediaType, Status(result, mediaType), result);
    }

    /// <summary>
    /// As the specification asks: legacy application/json clients get 200 whatever happened; with
    /// application/graphql-response+json, a request that never ran (a parse, validation or variable error, a limit) is
    /// a 400, and one stopped by the timeout is the server's failure, a 504.
    /// </summary>
    private static int Status(ExecutionResult result, string mediaType) =>
        mediaType != GraphQLMediaTypes.GraphQLResponse || result.Executed ? StatusCodes.Status200OK
        : result.Errors?.Any(e => e is TimeoutError) == true ? StatusCodes.Status504GatewayTimeout
        : StatusCodes.Status400BadRequest;

    /// <summary>
    /// The parsed document, or null for a syntax error, which the executer then reports in GraphQL's own words; a
    /// document nested deeper than the parser goes (selections, lists or input objects) is refused here.
    /// </summary>
    internal static GraphQLDocument? TryParse(IDocumentBuilder documentBuilder, string query, out RequestProblem? problem)
    {
        problem = null;
        try
        {
            return documentBuilder.Build(query);
        }
        catch (GraphQLMaxDepthExceededException e)
        {
            problem = new RequestProblem(StatusCodes.Status400BadRequest, "QUERY_TOO_DEEP",
                $"The query nests selections, lists or input objects too deeply to be read ({e.Description}); nest less");
            return null;
        }
        catch (SyntaxError)
        {
            return null;
        }
    }

    internal static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name is { } name && name.StringValue == operationName);
    }

    private static RequestProblem? RefuseOperation(GraphQLOperationDefinition? operation, bool allowMutations, HttpContext http)
    {
        switch (operation?.Operation)
        {
            case OperationType.Mutation when !allowMutations:
                http.Response.Headers.Allow = "POST";
                return new RequestProblem(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED",
                    "Mutations are not run over GET (a link or a prefetch must not change the graph); send them with POST");
            case OperationType.Subscription:
                return new RequestProblem(StatusCodes.Status400BadRequest, "BAD_REQUEST",
                    "Subscriptions are not served over plain HTTP; open a WebSocket with the graphql-transport-ws protocol, or POST to /graphql/stream (Server-Sent Events)");
            default:
                return null;
        }
    }

    private static string? Negotiate(HttpContext http) => GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept);
}
