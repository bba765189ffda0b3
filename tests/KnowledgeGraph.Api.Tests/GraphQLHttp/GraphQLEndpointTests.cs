using System.Net;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>One API over one database, with an organization projected into the graph, for the endpoint's tests.</summary>
public sealed class GraphQLEndpointFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public ApiServer<Program> Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var store = _database.CreateStore())
        {
            var line = """{"id":"gql-org-1","type":"OrganizationRegistered","effectiveDate":"2020-01-01","source":{"title":"About","publisher":"Neo Performance Materials"},"data":{"orgId":"neo-performance","name":"Neo Performance Materials","country":"CA","kind":"company"}}""";
            await new Importer(store, _database.ConnectionString).ImportAsync([new InputLine("t", 1, line)]);
        }
        Server = new ApiServer<Program>(_database.ConnectionString);
        using var client = Server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public class GraphQLEndpointTests(GraphQLEndpointFixture fixture) : IClassFixture<GraphQLEndpointFixture>
{
    private readonly HttpClient _client = fixture.Server.CreateHttpClient();

    [Fact]
    public async Task Post_AnswersAQueryWithVariablesAndOperationName_InGraphQLResponseJson()
    {
        var answer = await _client.PostGraphQLAsync(new
        {
            query = "query Other { __typename } query Org($id: String!) { organization(id: $id) { id name } }",
            operationName = "Org",
            variables = new { id = "neo-performance" },
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(GraphQLHttpClient.GraphQLResponse, answer.MediaType);
        Assert.Equal("Neo Performance Materials", answer.Body.GetProperty("data").GetProperty("organization").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_AnswersAQueryFromTheQueryString_InApplicationJson_WhenThatIsWhatIsAccepted()
    {
        var query = Uri.EscapeDataString("query($id: String!) { organization(id: $id) { name } }");
        var variables = Uri.EscapeDataString("""{"id":"neo-performance"}""");

        var answer = await _client.GetGraphQLAsync($"query={query}&variables={variables}", GraphQLHttpClient.Json);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(GraphQLHttpClient.Json, answer.MediaType);
        Assert.Equal("Neo Performance Materials", answer.Body.GetProperty("data").GetProperty("organization").GetProperty("name").GetString());
    }

    [Fact]
    public async Task SyntaxError_Is400WithoutData_InGraphQLResponseJson()
    {
        var answer = await _client.PostGraphQLAsync(new { query = "{ organization(id: " });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False(answer.Body.TryGetProperty("data", out _));
        Assert.Equal("SYNTAX_ERROR", answer.FirstErrorCode);
    }

    [Fact]
    public async Task SyntaxError_Is200WithTheError_InApplicationJson()
    {
        var answer = await _client.PostGraphQLAsync(new { query = "{ organization(id: " }, GraphQLHttpClient.Json);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("SYNTAX_ERROR", answer.FirstErrorCode);
    }

    [Fact]
    public async Task Mutation_IsRefusedOverGet_With405AndAllowPost()
    {
        var answer = await _client.GetGraphQLAsync("query=" + Uri.EscapeDataString("mutation { anything }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Contains("POST", answer.Response.Content.Headers.Allow);
        Assert.Contains("send them with POST", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_IsRefusedWith415_WhenTheBodyIsNotJson()
    {
        var answer = await _client.PostGraphQLAsync("{ __typename }", contentType: "application/graphql");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Contains("application/json", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_IsRefusedWith406_WhenNeitherJsonMediaTypeIsAccepted()
    {
        var answer = await _client.PostGraphQLAsync(new { query = "{ __typename }" }, accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, answer.Status);
    }

    [Fact]
    public async Task Request_IsRefusedWith400AndTheReason_WhenVariablesAreNotAMap()
    {
        var answer = await _client.PostGraphQLAsync(new { query = "{ __typename }", variables = "id=1" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("'variables' must be a JSON object", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongApiKey_IsRefusedWith401_WhileNoKeyReadsAnonymously()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
            Headers = { Authorization = new("Bearer", "not-a-key") },
        };

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var anonymous = await _client.PostGraphQLAsync(new { query = "{ __typename }" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
    }
}
