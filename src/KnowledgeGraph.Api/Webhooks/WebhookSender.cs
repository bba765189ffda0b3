using System.Globalization;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// POSTs one payload until the receiver answers 2xx, retrying failures and timeouts with jittered exponential backoff
/// (Polly), at most KG_WEBHOOK_MAX_ATTEMPTS attempts. Every attempt is reported as it ends, so that the attempts are
/// recorded even if the process stops midway. The HttpClient comes from the factory (<see cref="HttpClientName"/>); the
/// HTTP resilience handlers are not used, since every attempt is recorded and leased by the dispatcher.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClients, WebhookSettings settings, TimeProvider time)
{
    public const string HttpClientName = "webhooks";

    private readonly ResiliencePipeline<Attempt> _retry = settings.MaxAttempts == 1
        ? ResiliencePipeline<Attempt>.Empty
        : new ResiliencePipelineBuilder<Attempt>().AddRetry(new RetryStrategyOptions<Attempt>
        {
            MaxRetryAttempts = settings.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.BaseDelay,
            MaxDelay = settings.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Acknowledged: false, Abandoned: false }),
        }).Build();

    /// <param name="attempted">Told the error of each attempt (null: acknowledged); answers false to stop trying.</param>
    public async Task<DeliveryOutcome> DeliverAsync(
        WebhookTarget webhook, WebhookPayload payload, Func<string?, Task<bool>> attempted, CancellationToken ct)
    {
        var attempts = 0;
        var last = await _retry.ExecuteAsync(async token =>
        {
            attempts++;
            var error = await PostAsync(webhook, payload, token);
            return new Attempt(error is null, error, !await attempted(error));
        }, ct);
        return new DeliveryOutcome(last.Acknowledged, attempts, last.Error);
    }

    /// <summary>Null when the receiver acknowledged; otherwise why not.</summary>
    private async Task<string?> PostAsync(WebhookTarget webhook, WebhookPayload payload, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(payload.Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(payload.ContentType);
        // Standard Webhooks: signed afresh at each attempt, since the timestamp is part of what is signed.
        var now = time.GetUtcNow();
        request.Headers.Add(WebhookPayload.IdHeader, payload.MessageId);
        request.Headers.Add(WebhookPayload.TimestampHeader, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookPayload.SignatureHeader, payload.Signature(webhook.Secret, now));
        request.Headers.Add(WebhookPayload.SequenceHeader, payload.Sequence.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookPayload.EventIdHeader, payload.EventId);
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {settings.Timeout.TotalSeconds:0.###} s (KG_WEBHOOK_TIMEOUT_SECONDS)";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    public sealed record Attempt(bool Acknowledged, string? Error, bool Abandoned);
}
