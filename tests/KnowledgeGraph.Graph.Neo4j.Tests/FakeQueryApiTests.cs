using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>
/// The fake answers as the Query API does where the server decides by itself (see <see cref="FakeQueryApi"/> for the
/// sources), so that the client's tests over it say something about the real server.
/// </summary>
public sealed class FakeQueryApiTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQueryApi.StartAsync();
        _http = new HttpClient { BaseAddress = _server.Url };
        _http.DefaultRequestHeaders.Authorization = Basic(FakeQueryApi.User, FakeQueryApi.Password);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string path, string? statement = "RETURN 1 AS one")
    {
        using var response = await _http.PostAsync(path, statement is null ? null : JsonContent.Create(new { statement }), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string? Code(JsonNode? body) => body?["errors"]?[0]?["code"]?.GetValue<string>();

    [Fact]
    public async Task ATransaction_IsOpenedContinuedAndCommitted_ThenIsGone()
    {
        _server.Always(202, QueryApiSamples.One);

        var begin = await PostAsync("db/neo4j/query/v2/tx");
        var id = begin.Body!["transaction"]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Accepted, begin.Status);
        Assert.True(DateTimeOffset.Parse(begin.Body["transaction"]!["expiry"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
        Assert.Equal(1, _server.OpenTransactions);

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync($"db/neo4j/query/v2/tx/{id}")).Status);
        var commit = await PostAsync($"db/neo4j/query/v2/tx/{id}/commit", statement: null);
        Assert.Equal(HttpStatusCode.Accepted, commit.Status);
        Assert.NotEmpty(commit.Body!["bookmarks"]!.AsArray());

        var after = await PostAsync($"db/neo4j/query/v2/tx/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "Neo.ClientError.Transaction.TransactionNotFound"), (after.Status, Code(after.Body)));
        Assert.Equal(0, _server.OpenTransactions);
    }

    [Fact]
    public async Task AnIdleTransaction_ExpiresAndIsRolledBack()
    {
        _server.TransactionTimeout = TimeSpan.FromSeconds(1);
        var id = (await PostAsync("db/neo4j/query/v2/tx", statement: null)).Body!["transaction"]!["id"]!.GetValue<string>();

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        Assert.Equal(0, _server.OpenTransactions);
        var late = await PostAsync($"db/neo4j/query/v2/tx/{id}/commit", statement: null);
        Assert.Equal((HttpStatusCode.NotFound, "Neo.ClientError.Transaction.TransactionNotFound"), (late.Status, Code(late.Body)));
    }

    [Fact]
    public async Task ASecondRequestToATransaction_WhileItsStatementRuns_IsRefused()
    {
        var id = (await PostAsync("db/neo4j/query/v2/tx", statement: null)).Body!["transaction"]!["id"]!.GetValue<string>();
        var longQuery = new TaskCompletionSource();
        _server.ThenRunUntil(longQuery.Task, 202, QueryApiSamples.One, out var started);
        var running = PostAsync($"db/neo4j/query/v2/tx/{id}", "CALL apoc.util.sleep(5000)");
        await started.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var concurrent = await PostAsync($"db/neo4j/query/v2/tx/{id}", statement: null);
        longQuery.SetResult();

        Assert.Equal((HttpStatusCode.BadRequest, "Neo.ClientError.Transaction.TransactionAccessedConcurrently"), (concurrent.Status, Code(concurrent.Body)));
        Assert.Equal(HttpStatusCode.Accepted, (await running).Status);
        Assert.Equal(1, _server.OpenTransactions);
    }

    [Fact]
    public async Task AFailedStatement_RollsItsTransactionBack()
    {
        _server.ThenJson(400, QueryApiSamples.SyntaxError);
        var begin = await PostAsync("db/neo4j/query/v2/tx", "MATC (n) RETURN n");

        Assert.Equal((HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError"), (begin.Status, Code(begin.Body)));
        Assert.Equal((1, 0), (_server.BegunTransactions, _server.OpenTransactions));
    }

    [Fact]
    public async Task Rollback_Answers200_AndEndsTheTransaction()
    {
        var id = (await PostAsync("db/neo4j/query/v2/tx", statement: null)).Body!["transaction"]!["id"]!.GetValue<string>();

        using var rollback = await _http.DeleteAsync($"db/neo4j/query/v2/tx/{id}", Ct);
        using var again = await _http.DeleteAsync($"db/neo4j/query/v2/tx/{id}", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (rollback.StatusCode, again.StatusCode));
        Assert.Equal(0, _server.OpenTransactions);
    }

    [Theory]
    [InlineData("none", "db/neo4j/query/v2", 401, "Neo.ClientError.Security.Unauthorized")]
    [InlineData("wrong password", "db/neo4j/query/v2", 401, "Neo.ClientError.Security.Unauthorized")]
    [InlineData("bearer", "db/neo4j/query/v2", 400, "Neo.ClientError.Request.InvalidFormat")]
    [InlineData("good", "db/nosuchdb/query/v2", 404, "Neo.ClientError.Database.DatabaseNotFound")]
    [InlineData("good", "db/neo4j/query/v2/tx/nosuchtx", 404, "Neo.ClientError.Transaction.TransactionNotFound")]
    public async Task TheServerRefuses_BeforeRunningAnyStatement(string credentials, string path, int status, string code)
    {
        _server.Always(202, QueryApiSamples.One);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { statement = "RETURN 1" }) };
        request.Headers.Authorization = credentials switch
        {
            "none" => null,
            "wrong password" => Basic(FakeQueryApi.User, "guess"),
            "bearer" => new AuthenticationHeaderValue("Bearer", "token"),
            _ => Basic(FakeQueryApi.User, FakeQueryApi.Password),
        };
        using var noDefaults = new HttpClient { BaseAddress = _server.Url };

        using var response = await noDefaults.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, Code(JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))));
    }

    [Fact]
    public async Task ABodyThatIsNotTheQueryApisJson_IsRefused()
    {
        using var text = await _http.PostAsync("db/neo4j/query/v2", new StringContent("RETURN 1", Encoding.UTF8, "text/plain"), Ct);
        using var broken = await _http.PostAsync("db/neo4j/query/v2", new StringContent("{\"statement\":", Encoding.UTF8, "application/json"), Ct);
        using var get = await _http.GetAsync("db/neo4j/query/v2", Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "Neo.ClientError.Request.InvalidFormat"), (broken.StatusCode, Code(JsonNode.Parse(await broken.Content.ReadAsStringAsync(Ct)))));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }
}
