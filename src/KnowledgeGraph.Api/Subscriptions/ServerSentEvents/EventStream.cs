using System.Threading.Channels;

namespace KnowledgeGraph.Api.Subscriptions.ServerSentEvents;

/// <summary>
/// One response in <c>text/event-stream</c>, as the graphql-sse protocol's distinct connections mode frames it:
/// <c>next</c> events with an execution result each, then <c>complete</c>. Results are queued and written by the
/// request itself (so writes never overlap); a comment line every 12 s keeps proxies from closing an idle stream.
/// </summary>
internal sealed class EventStream(HttpContext http, SubscriptionSettings settings) : ISubscriptionHost, IDisposable
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(12);
    private readonly Channel<(string Text, bool Budgeted)> _outbox = Channel.CreateUnbounded<(string, bool)>();
    private readonly CancellationTokenSource _tooSlow = new();

    public SemaphoreSlim SendBudget { get; } = new(settings.MaxPendingEvents, settings.MaxPendingEvents);

    public int MaxPendingEvents => settings.MaxPendingEvents;

    public TimeSpan SendTimeout => settings.SendTimeout;

    /// <summary>A client that stopped reading cannot be told why: its connection is aborted (it resumes with afterSequence).</summary>
    public void CloseTooSlow(string reason)
    {
        try
        {
            _tooSlow.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The stream is already over.
        }
    }

    /// <summary>Queues a <c>next</c> event; a budgeted one gives its send-budget permit back once written.</summary>
    public void Next(string result, bool budgeted = false) => _outbox.Writer.TryWrite(($"event: next\ndata: {result}\n\n", budgeted));

    /// <summary>Queues <c>complete</c>: the stream ends once it is written.</summary>
    public void Complete()
    {
        _outbox.Writer.TryWrite(("event: complete\ndata:\n\n", false));
        _outbox.Writer.TryComplete();
    }

    /// <summary>Writes queued events until <c>complete</c>, the client's disconnect, or a too-slow close.</summary>
    public async Task RunAsync()
    {
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _tooSlow.Token);
        var reader = _outbox.Reader;
        try
        {
            await http.Response.WriteAsync(":\n\n", stop.Token);
            await http.Response.Body.FlushAsync(stop.Token);
            while (await WaitAsync(reader, stop.Token))
            {
                while (reader.TryRead(out var item))
                {
                    await http.Response.WriteAsync(item.Text, stop.Token);
                    if (item.Budgeted)
                    {
                        SendBudget.Release();
                    }
                }
                await http.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (_tooSlow.IsCancellationRequested)
            {
                http.Abort();
            }
        }
    }

    /// <summary>Waits for an event to write; false once the stream is complete. Idle for 12 s, it writes a keep-alive comment.</summary>
    private async Task<bool> WaitAsync(ChannelReader<(string, bool)> reader, CancellationToken ct)
    {
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
            idle.CancelAfter(KeepAlive);
            try
            {
                return await reader.WaitToReadAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await http.Response.WriteAsync(":\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
    }

    public void Dispose() => _tooSlow.Dispose();
}
