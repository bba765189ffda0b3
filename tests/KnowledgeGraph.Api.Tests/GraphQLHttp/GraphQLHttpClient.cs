using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>An answer from /graphql: the status, the media type and the parsed JSON body.</summary>
public sealed record GraphQLAnswer(HttpStatusCode Status, string? MediaType, JsonElement Body, HttpResponseMessage Response)
{
    public string FirstErrorMessage => Body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    public string? FirstErrorCode => Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
}

public static class GraphQLHttpClient
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    public static Task<GraphQLAnswer> PostGraphQLAsync(this HttpClient client, object body, string accept = GraphQLResponse,
        string contentType = Json) =>
        client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, contentType),
            Headers = { Accept = { MediaTypeWithQualityHeaderValue.Parse(accept) } },
        });

    public static Task<GraphQLAnswer> GetGraphQLAsync(this HttpClient client, string queryString, string accept = GraphQLResponse) =>
        client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?" + queryString)
        {
            Headers = { Accept = { MediaTypeWithQualityHeaderValue.Parse(accept) } },
        });

    private static async Task<GraphQLAnswer> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            using var json = JsonDocument.Parse(text.Length == 0 ? "null" : text);
            return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json.RootElement.Clone(), response);
        }
    }
}
