using GraphQL;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>Writes GraphQL results, and refusals shaped as GraphQL errors, in the negotiated media type (UTF-8).</summary>
internal sealed class GraphQLResponseWriter(IGraphQLTextSerializer serializer)
{
    public async Task WriteResultAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    public static Task WriteProblemAsync(HttpContext http, string mediaType, RequestProblem problem) =>
        WriteErrorAsync(http, mediaType, problem.Status, problem.Code, problem.Message);

    public static Task WriteNotAcceptableAsync(HttpContext http) =>
        WriteErrorAsync(http, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
            $"Nothing this endpoint sends is acceptable: accept '{GraphQLMediaTypes.GraphQLResponse}' or '{GraphQLMediaTypes.Json}'");

    /// <summary>A GraphQL-shaped error for a request that never reached GraphQL (no <c>data</c> entry: nothing ran).</summary>
    public static async Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(
            new { errors = new[] { new { message, extensions = new { code } } } },
            options: null,
            contentType: $"{mediaType}; charset=utf-8",
            http.RequestAborted);
    }
}
