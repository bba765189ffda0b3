using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? Accept);

/// <summary>
/// A real HTTP server on the loopback interface that answers as Neo4j 5's Query API does, and records every request.
/// What the server decides by itself is modelled; what a statement returns comes from a script of canned responses
/// (taken from the Query API documentation, see <see cref="QueryApiSamples"/>). Unscripted statements get the server's
/// answer to an unknown failure, HTTP 500 with an error body.
/// </summary>
/// <remarks>
/// The server's rules, from the Query API manual (neo4j.com/docs/query-api: "Query the database", "Run transactions",
/// "Authentication and authorization", "Errors") and its resources and integration tests in the neo4j repository:
/// <list type="bullet">
/// <item>every request needs Basic credentials: none or wrong ones give 401 <c>Neo.ClientError.Security.Unauthorized</c>,
/// a header that is not Basic gives 400 <c>Neo.ClientError.Request.InvalidFormat</c>;</item>
/// <item>only POST (and DELETE for a rollback) is served; the body must be JSON (415 otherwise) with a statement
/// (400 <c>Neo.ClientError.Request.InvalidFormat</c> otherwise); an unknown database gives 404
/// <c>Neo.ClientError.Database.DatabaseNotFound</c>;</item>
/// <item>a statement answers 202, or 400 for client and transient errors alike (the code says which), or 500;</item>
/// <item>explicit transactions (<c>/tx</c>, <c>/tx/{id}</c>, <c>/tx/{id}/commit</c>, DELETE <c>/tx/{id}</c>) expire when
/// idle past their expiry; an unknown or expired id gives 404 <c>Neo.ClientError.Transaction.TransactionNotFound</c>,
/// and a request to a transaction while another request to it runs gives 400
/// <c>Neo.ClientError.Transaction.TransactionAccessedConcurrently</c>.</item>
/// </list>
/// </remarks>
public sealed partial class FakeQueryApi : IAsyncDisposable
{
    public const string User = "neo4j", Password = "verysecret", Database = "neo4j";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task<Answer?>>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Answer? _always;

    private FakeQueryApi(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Settings that reach this server with the credentials it accepts.</summary>
    public Neo4jSettings Settings(string database = Database, string password = Password) => new(Url, User, password, database);

    public static async Task<FakeQueryApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new FakeQueryApi(app);
        app.Run(api.AnswerAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report its address");
        api.Url = new Uri(addresses.Addresses.First());
        return api;
    }

    public FakeQueryApi ThenJson(int status, string json)
    {
        _script.Enqueue(_ => Task.FromResult<Answer?>(new Answer(status, json)));
        return this;
    }

    /// <summary>Answers nothing until the client gives up on the request.</summary>
    public FakeQueryApi ThenHang()
    {
        _script.Enqueue(async context =>
        {
            await Task.WhenAny(Task.Delay(Timeout.Infinite, context.RequestAborted));
            return null;
        });
        return this;
    }

    /// <summary>
    /// Runs the statement until <paramref name="done"/> completes (a long query), then answers with this;
    /// <paramref name="started"/> completes once the statement runs.
    /// </summary>
    public FakeQueryApi ThenRunUntil(Task done, int status, string json, out Task started)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        started = running.Task;
        _script.Enqueue(async context =>
        {
            running.SetResult();
            await done.WaitAsync(context.RequestAborted);
            return new Answer(status, json);
        });
        return this;
    }

    /// <summary>Answers every statement with this once the script is used up.</summary>
    public FakeQueryApi Always(int status, string json)
    {
        _always = new Answer(status, json);
        return this;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", body,
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.Accept.FirstOrDefault()));
        if (Refusal(context, body) is { } refusal)
        {
            await WriteErrorAsync(context, refusal.Status, refusal.Code, refusal.Message);
            return;
        }
        await RouteAsync(context, body);
    }

    /// <summary>What the server refuses before it looks at the statement: credentials, method, body.</summary>
    private static (int Status, string Code, string Message)? Refusal(HttpContext context, string body)
    {
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrEmpty(authorization))
        {
            return (401, "Neo.ClientError.Security.Unauthorized", "No authentication header supplied.");
        }
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return (400, "Neo.ClientError.Request.InvalidFormat", "Invalid authentication header.");
        }
        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        if (authorization["Basic ".Length..] != expected)
        {
            return (401, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");
        }
        if (context.Request.Method == HttpMethods.Delete)
        {
            return null;
        }
        if (context.Request.Method != HttpMethods.Post)
        {
            return (405, "Neo.ClientError.Request.Invalid", $"{context.Request.Method} is not allowed here.");
        }
        if (body.Length > 0 && context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (415, "Neo.ClientError.Request.Invalid", "The request body must be application/json.");
        }
        return null;
    }

    /// <summary>The statement of a request body; null when the body is empty, which only a transaction request may be.</summary>
    private static bool TryReadStatement(string body, out string? statement)
    {
        statement = null;
        if (body.Length == 0)
        {
            return true;
        }
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            statement = json.RootElement.TryGetProperty("statement", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>What running the statement answers; null when the client gave up before it finished.</summary>
    private async Task<Answer?> RunStatementAsync(HttpContext context) =>
        _script.TryDequeue(out var scripted) ? await scripted(context)
            : _always ?? Answer.Error(500, "Neo.DatabaseError.General.UnknownError", "no answer scripted");

    private static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, Answer.Error(status, code, message));

    private static Task WriteAsync(HttpContext context, Answer? answer) =>
        answer is null ? Task.CompletedTask : WriteJsonAsync(context, answer.Status, answer.Json);

    /// <summary>An HTTP status and a JSON body.</summary>
    private sealed record Answer(int Status, string Json)
    {
        public bool Failed => Status >= 400 || Json.Contains("\"errors\"", StringComparison.Ordinal);

        public static Answer Error(int status, string code, string message) =>
            new(status, JsonSerializer.Serialize(new { errors = new[] { new { code, message } } }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
