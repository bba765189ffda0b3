using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>The request and response mapping of the Query API client, and its retries, timeout and breaker, on real HTTP.</summary>
public sealed class Neo4jQueryClientTests : IAsyncLifetime
{
    /// <summary>
    /// Retries milliseconds apart; a call timeout generous enough for a loaded CI machine (a timeout test sets its own);
    /// a breaker that does not open unless a test asks it to.
    /// </summary>
    public static readonly Neo4jResilienceOptions Fast = new()
    {
        CallTimeout = TimeSpan.FromSeconds(10),
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        BreakerMinimumThroughput = 1000,
    };

    private FakeQueryApi _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeQueryApi.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Neo4jQueryClient Client(Neo4jResilienceOptions? options = null) =>
        new(Neo4jTestServer.HttpClients, _server.Settings(), options ?? Fast);

    [Fact]
    public async Task RunAsync_PostsTheStatementWithItsParameters_AndMapsFieldsAndValues()
    {
        // Given the documented answer to a query returning a node and a property
        _server.ThenJson(202, QueryApiSamples.PersonAndName);
        using var client = Client();

        // When
        var result = await client.RunAsync("MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name",
            new JsonObject { ["name"] = "Phil" }, TestContext.Current.CancellationToken);

        // Then the request is the documented one
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/db/neo4j/query/v2"), (request.Method, request.Path));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:verysecret")), request.Authorization);
        Assert.Equal("application/json", request.Accept);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("MERGE (p:Person {name: $name}) RETURN p AS person, p.name AS name", body["statement"]!.GetValue<string>());
        Assert.Equal("Phil", body["parameters"]!["name"]!.GetValue<string>());

        // And the rows read by field name
        Assert.Equal(["person", "name"], result.Fields);
        var row = Assert.Single(result.Rows);
        Assert.Equal("Phil", row.Text("name"));
        Assert.Equal("Phil", row.Map("person")["properties"]!["name"]!.GetValue<string>());
        Assert.Equal(["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"], result.Bookmarks);
    }

    [Fact]
    public async Task RunAsync_FailsAtOnceNamingTheCodeAndMessage_WhenNeo4jAnswersAClientError()
    {
        // Given a statement Neo4j rejects
        _server.ThenJson(400, QueryApiSamples.SyntaxError).Always(202, QueryApiSamples.One);
        using var client = Client();

        // When
        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("MATC (n) RETURN n", null, TestContext.Current.CancellationToken));

        // Then it is not retried, and the message says what Neo4j said
        Assert.Single(_server.Requests);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.False(error.IsTransient);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid input 'MATC'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RetriesAndSucceeds_WhenTheServerAnswers503Twice()
    {
        // Given a server that is unavailable for two requests
        _server.ThenJson(503, QueryApiSamples.Unavailable).ThenJson(503, "{}").ThenJson(200, QueryApiSamples.One);
        using var client = Client();

        // When
        var result = await client.RunAsync("RETURN 1 AS one", null, TestContext.Current.CancellationToken);

        // Then the third attempt answers
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(1, Assert.Single(result.Rows).Number("one"));
    }

    [Fact]
    public async Task RunAsync_RetriesAndSucceeds_WhenNeo4jAnswersATransientErrorCode()
    {
        // Given a deadlock reported in the body of a 202 answer
        _server.ThenJson(202, QueryApiSamples.Deadlock).ThenJson(202, QueryApiSamples.One);
        using var client = Client();

        // When
        var result = await client.RunAsync("RETURN 1 AS one", null, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(result.Rows);
    }

    [Fact]
    public async Task RunAsync_DoesNotRetryARead_AfterItsCallTimedOut()
    {
        // Given a read whose answer never comes (it may still be running on the server)
        _server.ThenHang().ThenJson(202, QueryApiSamples.One);
        using var client = Client(Fast with { CallTimeout = TimeSpan.FromSeconds(1) });

        // When / Then it fails with the timeout, without sending the query again
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.RunAsync("RETURN 1 AS one", null, TestContext.Current.CancellationToken));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task WriteAsync_RetriesTheSameAutoCommitStatement_AfterATimeout()
    {
        // Given a write whose first reply is lost
        _server.ThenHang().ThenJson(202, QueryApiSamples.Fresh(0));
        using var client = Client(Fast with { CallTimeout = TimeSpan.FromSeconds(1) });

        // When
        var result = await client.WriteAsync("MERGE (s:Stream {id: $id})", new JsonObject { ["id"] = "org:acme" }, TestContext.Current.CancellationToken);

        // Then the same statement went twice to the auto-commit endpoint, and no transaction was ever opened
        Assert.Equal(["POST /db/neo4j/query/v2", "POST /db/neo4j/query/v2"], _server.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
        Assert.Equal(0, Assert.Single(result.Rows).Number("fresh"));
        Assert.Equal((0, 0), (_server.BegunTransactions, _server.OpenTransactions));
    }

    [Fact]
    public async Task RunAsync_FailsAtOnceNamingTheProblem_WhenTheCredentialsAreWrong()
    {
        // Given a server that refuses the password
        _server.Always(202, QueryApiSamples.One);
        using var client = new Neo4jQueryClient(Neo4jTestServer.HttpClients, _server.Settings(password: "guess"), Fast);

        // When
        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1 AS one", null, TestContext.Current.CancellationToken));

        // Then it is not retried: a retry would only lock the account sooner
        Assert.Equal(("Neo.ClientError.Security.Unauthorized", 401, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Contains("Invalid username or password", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task WriteAsync_FailsAtOnceNamingTheDatabase_WhenTheServerHasNoSuchDatabase()
    {
        // Given settings naming a database the server does not have
        _server.Always(202, QueryApiSamples.Fresh(0));
        using var client = new Neo4jQueryClient(Neo4jTestServer.HttpClients, _server.Settings(database: "graphs"), Fast);

        // When
        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.WriteAsync("RETURN 1 AS fresh", null, TestContext.Current.CancellationToken));

        // Then
        Assert.Equal(("Neo.ClientError.Database.DatabaseNotFound", 404, false), (error.Code, error.HttpStatus, error.IsTransient));
        Assert.Contains("'graphs'", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RunAsync_RetriesATransientError_AnsweredWithHttp400AsTheServerDoes()
    {
        // Given the server's answer to a terminated transaction, then a good one
        _server.ThenJson(400, QueryApiSamples.LockTimeout).ThenJson(202, QueryApiSamples.One);
        using var client = Client();

        // When / Then
        Assert.Single((await client.RunAsync("RETURN 1 AS one", null, TestContext.Current.CancellationToken)).Rows);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [InlineData("""{"errors":[{"message":"no code here"}]}""", "HTTP.400", "no code here")]
    [InlineData("""{"errors":[{}]}""", "HTTP.400", "an error without a message")]
    [InlineData("""{"errors":[null]}""", "HTTP.400", "an error without a message")]
    [InlineData("""{"errors":[{"code":"Neo.ClientError.Request.Invalid"}]}""", "Neo.ClientError.Request.Invalid", "an error without a message")]
    public async Task RunAsync_ReportsAnErrorBodyWithMissingFields_AsANeo4jError(string body, string code, string message)
    {
        // Given an answer with an incomplete error object
        _server.ThenJson(400, body);
        using var client = Client();

        // When
        var error = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1 AS one", null, TestContext.Current.CancellationToken));

        // Then it is a plain, non-transient Neo4j error naming what there was
        Assert.Equal((code, message, false), (error.Code, error.Neo4jMessage, error.IsTransient));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task RunAsync_FailsFastWithoutCallingNeo4j_WhenRepeatedFailuresOpenedTheCircuit()
    {
        // Given a server that always fails, and a breaker that opens after two failures out of two calls
        _server.Always(503, QueryApiSamples.Unavailable);
        using var client = Client(Fast with
        {
            MaxRetryAttempts = 1,
            BreakerMinimumThroughput = 2,
            BreakerFailureRatio = 0.5,
            BreakerSamplingDuration = TimeSpan.FromSeconds(10),
            BreakerBreakDuration = TimeSpan.FromSeconds(30),
        });
        var ct = TestContext.Current.CancellationToken;

        // When a first query fails twice (a try and a retry), then a second query is asked for
        var first = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1 AS one", null, ct));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.RunAsync("RETURN 1 AS one", null, ct));

        // Then the second never reached the server
        Assert.True(first.IsTransient);
        Assert.Equal(2, _server.Requests.Count);
    }
}
