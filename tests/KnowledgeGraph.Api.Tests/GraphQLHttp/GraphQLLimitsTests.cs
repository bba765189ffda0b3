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
    public async Task OverSizeBody_IsRefusedWith413_NamingTheLimit_WhileASmallerOneIsAnswered()
    {
        await using var server = Server(("KG_GRAPHQL_MAX_BODY_BYTES", "2000"), ("KG_GRAPHQL_MAX_QUERY_BYTES", "100"));
        using var client = server.CreateHttpClient();

        // The query itself is small: the variables make the body large.
        var small = await client.PostGraphQLAsync(new { query = "{ __typename }", variables = new { padding = new string('x', 1000) } });
        var large = await client.PostGraphQLAsync(new { query = "{ __typename }", variables = new { padding = new string('x', 3000) } });

        Assert.Equal(HttpStatusCode.OK, small.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.Status);
        Assert.Contains("The request body is over 2000 bytes (KG_GRAPHQL_MAX_BODY_BYTES)", large.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryOverTheTimeout_IsStoppedAndAnsweredWithATimeoutError()
    {
        await using var server = Server(("KG_GRAPHQL_TIMEOUT_SECONDS", "0.001"));
        using var client = server.CreateHttpClient();

        // Ten flagship questions (each a recursive statement planned and run by PostgreSQL) take far longer than a
        // millisecond, however warm the server, unlike look-ups that a batch may answer in one quick statement.
        var slow = "{ " + string.Concat(Enumerable.Range(0, 10).Select(i =>
            $"q{i}: firmsLackingSupplier(product: \"magnet\", bloc: \"NATO\", excludeSupplierCountries: [\"CN\"], considerOwnership: true) {{ nodes {{ reason }} }} ")) + "}";

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

    [Fact]
    public async Task FiveAliasedLongestPaths_CostMoreThanTheMaximum_AndAreRefusedBeforeTheyRun()
    {
        await using var server = Server();
        using var client = server.CreateHttpClient();
        var one = """shortestPath(from: "a", to: "b", maxHops: 8) { length }""";

        var single = await client.PostGraphQLAsync(new { query = $"{{ p: {one} }}" });
        var five = await client.PostGraphQLAsync(new { query = "{ " + string.Concat(Enumerable.Range(0, 5).Select(i => $"p{i}: {one} ")) + "}" });

        var singleCost = single.Body.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble();
        Assert.InRange(singleCost, 2560, 2600);
        Assert.Equal(HttpStatusCode.BadRequest, five.Status);
        Assert.Equal("COMPLEXITY", five.FirstErrorCode);
        Assert.Equal(5 * singleCost, five.Body.GetProperty("extensions").GetProperty("cost").GetProperty("requested").GetDouble());
    }

    [Fact]
    public async Task AliasedIntrospection_IsCounted_SoThreeHundredSchemasAreRefused_WhileOneIsServed()
    {
        await using var server = Server();
        using var client = server.CreateHttpClient();

        var one = await client.PostGraphQLAsync(new { query = "{ __schema { types { name fields { name } } } }" });
        var many = await client.PostGraphQLAsync(new { query = "{ " + string.Concat(Enumerable.Range(0, 300).Select(i => $"s{i}: __schema {{ types {{ name }} }} ")) + "}" });

        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(HttpStatusCode.BadRequest, many.Status);
        Assert.Contains("Complexity is 150000", many.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostBudget_Answers429WithRetryAfter_OnceAClientHasSpentItsCostUnits()
    {
        await using var server = Server(("KG_COST_BUDGET_PER_MINUTE", "6000"), ("KG_GRAPHQL_MAX_COMPLEXITY", "6000"));
        using var client = server.CreateHttpClient();
        var query = new { query = """{ shortestPath(from: "a", to: "b", maxHops: 8) { length } }""" };

        var first = await client.PostGraphQLAsync(query);
        var second = await client.PostGraphQLAsync(query);
        var third = await client.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("COST_BUDGET_EXHAUSTED", third.FirstErrorCode);
        Assert.Contains("KG_COST_BUDGET_PER_MINUTE", third.FirstErrorMessage, StringComparison.Ordinal);
        Assert.NotNull(third.Response.Headers.RetryAfter?.Delta);
        Assert.True(second.Body.GetProperty("extensions").GetProperty("cost").GetProperty("budgetLeft").GetInt64() < 2561);
    }

    [Fact]
    public async Task AnswerOverTheResponseCap_IsNotSent_TheClientIsToldToAskForLess()
    {
        await using var server = Server(("KG_GRAPHQL_MAX_RESPONSE_BYTES", "2000"));
        using var client = server.CreateHttpClient();

        var answer = await client.PostGraphQLAsync(new { query = "{ countries { code name } }" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("RESPONSE_TOO_LARGE", answer.FirstErrorCode);
        Assert.Contains("KG_GRAPHQL_MAX_RESPONSE_BYTES", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    private ApiServer<Program> Server(params (string Key, string Value)[] settings) =>
        new(database.ConnectionString, settings.ToDictionary(s => s.Key, s => s.Value));
}
