using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Cost;
using KnowledgeGraph.Api.GraphQL.Transport;
using KnowledgeGraph.EventStore.Settings;

namespace KnowledgeGraph.Api.GraphQL;

public static class GraphQLSetup
{
    /// <summary>
    /// The schema, its executer, and the limits that protect the graph store from a runaway question: depth and cost
    /// checked before execution (a maximum per question, a budget per client, a gate for expensive questions), a
    /// timeout during it, size limits on the query text and the response, and a rate per client.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraphGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = services.AddSettings<GraphQLLimits>(configuration);
        var guard = new CostGuard(limits);
        services.AddSingleton(guard);
        services.AddSingleton(sp => new ApiKeys(sp.GetRequiredService<DeploymentSettings>().ApiKeys));
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<GraphQLResponseWriter>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<GraphQLEndpoint>();
        services.AddGraphQL(b => b
            .AddSchema<KnowledgeGraphSchema>()
            .AddSystemTextJson()
            .AddExecutionStrategy<Subscriptions.KnowledgeSubscriptionStrategy>(GraphQLParser.AST.OperationType.Subscription)
            .AddGraphTypes(typeof(KnowledgeGraphSchema).Assembly)
            .AddComplexityAnalyzer(c => CostAnalysis.Configure(c, limits, guard))
            .WithTimeout(limits.Timeout, _ => new ExecutionResult
            {
                Errors = [new TimeoutError(
                    $"The query ran longer than {limits.Timeout.TotalSeconds:0.###} s ({Setting.Name<GraphQLLimits>(nameof(GraphQLLimits.TimeoutSeconds))}) and was stopped; ask for less or narrow it")],
            })
            .AddValidationRule<TextLiteralRule>()
            .AddErrorInfoProvider<KnowledgeGraphErrorInfoProvider>()
            .AddUnhandledExceptionHandler(ResolverErrors.Handle));
        services.AddGraphQLRateLimiting(limits);
        return services;
    }

    /// <summary>
    /// The last line of defence: a failure no handler caught is logged and answered 500 with a GraphQL-shaped body
    /// (code INTERNAL_SERVER_ERROR), never an empty one. Goes first in the pipeline.
    /// </summary>
    public static WebApplication UseGraphQLShapedFailures(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = http => GraphQLResponseWriter.WriteErrorAsync(http,
                GraphQLMediaTypes.Negotiate(http.Request.Headers.Accept) ?? GraphQLMediaTypes.Json,
                StatusCodes.Status500InternalServerError, ResolverErrors.InternalError,
                "The request failed on the server; it has been logged."),
        });
        return app;
    }

    /// <summary>
    /// <c>/graphql</c> (GET and POST, GraphiQL for a browser), <c>/graphql/stream</c> (Server-Sent Events), <c>/graphql/schema.graphql</c> (the SDL) and GraphiQL's
    /// assets under <c>/graphiql/</c>, all under the per-client rate limit. Needs <c>app.UseRateLimiter()</c>.
    /// </summary>
    public static WebApplication MapKnowledgeGraphGraphQL(this WebApplication app)
    {
        var graphiql = GraphiQLAssets.Locate(app.Environment);
        app.UseGraphiQLAssets(graphiql);
        var endpoint = app.Services.GetRequiredService<GraphQLEndpoint>();
        var graphql = app.MapGroup("/graphql").RequireRateLimiting(GraphQLRateLimiting.Policy);
        graphql.MapGet("", (HttpContext http) => endpoint.HandleGetAsync(http, graphiql));
        graphql.MapPost("", (HttpContext http) => endpoint.HandlePostAsync(http));
        var stream = app.Services.GetRequiredService<Subscriptions.ServerSentEvents.GraphQLSseEndpoint>();
        graphql.MapPost("/stream", (HttpContext http) => stream.HandleAsync(http));
        graphql.MapGet("/schema.graphql", (ISchema schema) => Results.Text(schema.Print(), "text/plain; charset=utf-8"));
        return app;
    }
}
