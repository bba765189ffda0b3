using System.Net;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

public class GraphQLLimitsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string FiveOrganizations = """
        { a: organization(id: "a") { id name } b: organization(id: "b") { id name } c: organization(id: "c") { id name }
          d: organization(id: "d") { id name } e: organization(id: "e") { id name } }
        """;

    [Fact]
    public async Task TooDeepAQuery_IsRefusedBeforeItRuns_SayingHowDeepItIs()
    {
        await using var server = Server(("KG_GRAPHQL_MAX_DEPTH", "3"));
        using var client = server.CreateHttpClient();

        var answer = await client.PostGraphQLAsync(new { query = "{ __schema { types { fields { type { name } } } } }" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False(answer.Body.TryGetProperty("data", out _));
        Assert.Contains("maximum allowed on this endpoint is 3", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooComplexAQuery_IsRefusedBeforeItRuns_SayingItsComplexity()
    {
        await using var server = Server(("KG_GRAPHQL_MAX_COMPLEXITY", "10"));
        using var client = server.CreateHttpClient();

        var answer = await client.PostGraphQLAsync(new { query = FiveOrganizations });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("too complex", answer.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Contains("maximum allowed on this endpoint is 10", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverSizeQueryText_IsRefusedWith413_NamingTheLimit()
    {
        await using var server = Server(("KG_GRAPHQL_MAX_QUERY_BYTES", "100"));
        using var client = server.CreateHttpClient();

        var answer = await client.PostGraphQLAsync(new { query = FiveOrganizations });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("KG_GRAPHQL_MAX_QUERY_BYTES", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryOverTheTimeout_IsStoppedAndAnsweredWithATimeoutError()
    {
        await using var server = Server(("KG_GRAPHQL_TIMEOUT_SECONDS", "0.001"));
        using var client = server.CreateHttpClient();

        // Thirty look-ups in the graph store take far longer than a millisecond.
        var slow = "{ " + string.Concat(Enumerable.Range(0, 30).Select(i => $"o{i}: organization(id: \"o{i}\") {{ id name }} ")) + "}";

        var strict = await client.PostGraphQLAsync(new { query = slow });
        var legacy = await client.PostGraphQLAsync(new { query = slow }, GraphQLHttpClient.Json);

        Assert.Equal(HttpStatusCode.GatewayTimeout, strict.Status);
        Assert.Equal("TIMEOUT", strict.FirstErrorCode);
        Assert.Contains("KG_GRAPHQL_TIMEOUT_SECONDS", strict.FirstErrorMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("TIMEOUT", legacy.FirstErrorCode);
    }

    [Fact]
    public async Task RateLimit_Answers429WithRetryAfter_OnceAClientHasUsedItsRequestsForTheMinute()
    {
        await using var server = Server(("KG_RATE_LIMIT_PER_MINUTE", "3"));
        using var client = server.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        GraphQLAnswer? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostGraphQLAsync(new { query = "{ __typename }" });
            statuses.Add(last.Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("RATE_LIMITED", last!.FirstErrorCode);
        Assert.NotNull(last.Response.Headers.RetryAfter?.Delta);
    }

    private ApiServer<Program> Server(params (string Key, string Value)[] settings) =>
        new(database.ConnectionString, settings.ToDictionary(s => s.Key, s => s.Value));
}
