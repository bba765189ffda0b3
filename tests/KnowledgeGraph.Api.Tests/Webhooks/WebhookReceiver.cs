using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KnowledgeGraph.Api.Tests.Webhooks;

/// <summary>
/// One POST the receiver got, and the status it answered (null: it dropped the connection without answering); its
/// deal, unless it is the change of a standing answer.
/// </summary>
public sealed record ReceivedDelivery(
    long Sequence, string EventId, string? DealId, string Body, string? WebhookId, string? Timestamp, string? Signature, string? ContentType, int? Status)
{
    public bool Acknowledged => Status is >= 200 and < 300;

    /// <summary>
    /// The Standard Webhooks check, written from the specification: the key is the base64 after <c>whsec_</c>; the
    /// signed content is <c>webhook-id.webhook-timestamp.body</c>; <c>webhook-signature</c> holds space-separated
    /// <c>v1,&lt;base64 HMAC-SHA256&gt;</c> entries, one of which must match.
    /// </summary>
    public bool SignatureVerifies(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{WebhookId}.{Timestamp}.{Body}")));
        return Signature?.Split(' ').Contains(expected) == true;
    }
}

/// <summary>
/// A webhook receiver on loopback (Kestrel on 127.0.0.1, a free port): it answers each POST as the test decides and
/// records every request and what it answered, so that a test knows exactly what it acknowledged.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<ReceivedDelivery> _received = [];

    /// <param name="answer">Given the request and how many came before it, the status to answer, or null to drop the connection.</param>
    private WebhookReceiver(Func<ReceivedDelivery, int, Task<int?>> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(http.RequestAborted);
            var json = JsonNode.Parse(body)!;
            var headers = http.Request.Headers;
            var request = new ReceivedDelivery(
                long.Parse(headers["X-KG-Sequence"].ToString(), CultureInfo.InvariantCulture),
                headers["X-KG-Event-Id"].ToString(), json["data"]?["deal"]?["id"]?.GetValue<string>(), body,
                headers["webhook-id"].FirstOrDefault(), headers["webhook-timestamp"].FirstOrDefault(),
                headers["webhook-signature"].FirstOrDefault(), http.Request.ContentType, null);
            int count;
            lock (_lock)
            {
                count = _received.Count;
            }
            var status = await answer(request, count);
            lock (_lock)
            {
                _received.Add(request with { Status = status });
            }
            if (status is { } code)
            {
                return Results.StatusCode(code);
            }
            http.Abort();
            return Results.Empty;
        });
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedDelivery> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    public IReadOnlyList<ReceivedDelivery> Acknowledged => [.. Received.Where(r => r.Acknowledged)];

    public static async Task<WebhookReceiver> StartAsync(Func<ReceivedDelivery, int, Task<int?>> answer)
    {
        var receiver = new WebhookReceiver(answer);
        await receiver._app.StartAsync();
        receiver.Url = new Uri(new Uri(receiver._app.Urls.First()), "/hook");
        return receiver;
    }

    /// <summary>
    /// The acknowledged messages, one per <c>webhook-id</c> in order of first acknowledgement: what at-least-once delivery
    /// counts (a repeat of an acknowledged message is allowed, so it is not counted twice).
    /// </summary>
    public IReadOnlyList<ReceivedDelivery> AcknowledgedMessages => [.. Acknowledged.DistinctBy(r => r.WebhookId)];

    /// <summary>Waits until the receiver has acknowledged <paramref name="count"/> messages; generous, never a timing assertion.</summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> UntilAcknowledgedAsync(int count)
    {
        await Eventually.UntilAsync($"{count} messages acknowledged",
            () => Task.FromResult(string.Join(", ", Received.Select(r => $"{r.DealId ?? r.EventId}={r.Status?.ToString(CultureInfo.InvariantCulture) ?? "dropped"}"))),
            _ => AcknowledgedMessages.Count >= count);
        return AcknowledgedMessages;
    }

    /// <summary>
    /// Checks what at-least-once delivery promises and returns the messages in order of first arrival: every request
    /// verifies with <paramref name="secret"/>, and a message that arrives more than once arrives as itself again (the
    /// same <c>webhook-id</c>, event, sequence and body; only its timestamp, and so its signature, is of the attempt).
    /// </summary>
    public IReadOnlyList<ReceivedDelivery> Messages(string secret)
    {
        var received = Received;
        Assert.All(received, r => Assert.True(r.SignatureVerifies(secret), $"the signature of {r.WebhookId} verifies"));
        var messages = received.GroupBy(r => r.WebhookId).ToList();
        foreach (var attempts in messages)
        {
            var first = attempts.First();
            Assert.All(attempts, r => Assert.Equal((first.EventId, first.Sequence, first.Body), (r.EventId, r.Sequence, r.Body)));
        }
        return [.. messages.Select(m => m.First())];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
