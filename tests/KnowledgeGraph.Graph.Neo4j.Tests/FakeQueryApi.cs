using System.Collections.Concurrent;
using System.Net;
using System.Text;
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
/// A real HTTP server on the loopback interface that answers like Neo4j's Query API from a script of canned responses
/// (taken from the Query API documentation, see <see cref="QueryApiSamples"/>), and records every request it received.
/// Unscripted requests get the server's answer to an unknown failure, HTTP 500 with an error body.
/// </summary>
public sealed class FakeQueryApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<HttpContext, Task>? _always;

    private FakeQueryApi(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

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
        _script.Enqueue(context => WriteJsonAsync(context, status, json));
        return this;
    }

    /// <summary>Answers nothing until the client gives up on the request.</summary>
    public FakeQueryApi ThenHang()
    {
        _script.Enqueue(context => Task.WhenAny(Task.Delay(Timeout.Infinite, context.RequestAborted)));
        return this;
    }

    /// <summary>Answers every request with this once the script is used up.</summary>
    public FakeQueryApi Always(int status, string json)
    {
        _always = context => WriteJsonAsync(context, status, json);
        return this;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", body,
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.Accept.FirstOrDefault()));
        var answer = _script.TryDequeue(out var scripted) ? scripted
            : _always ?? (c => WriteJsonAsync(c, 500, """{"errors":[{"code":"Neo.DatabaseError.General.UnknownError","message":"no answer scripted"}]}"""));
        await answer(context);
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
