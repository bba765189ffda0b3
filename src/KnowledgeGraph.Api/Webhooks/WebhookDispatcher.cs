using Npgsql;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// One per process: gives every registered webhook a worker. A worker only delivers while it holds its webhook's lease,
/// so with several API processes each webhook is delivered by exactly one of them; the others try again every poll, and
/// take over within one poll interval when the holder stops or dies (PostgreSQL ends its session and its lock).
/// </summary>
public sealed class WebhookDispatcher(
    WebhookStore store, WebhookSender sender, WebhookSettings settings, WebhookSignal signal,
    ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private readonly Dictionary<Guid, Task> _workers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wake = signal.Next;
                await StartWorkersAsync(stoppingToken);
                await Task.WhenAny(wake, Task.Delay(settings.PollInterval, stoppingToken));
            }
        }
        finally
        {
            await Task.WhenAll(_workers.Values);
        }
    }

    private async Task StartWorkersAsync(CancellationToken ct)
    {
        try
        {
            foreach (var id in await store.IdsAsync(ct))
            {
                if (!_workers.TryGetValue(id, out var running) || running.IsCompleted)
                {
                    _workers[id] = Task.Run(() => RunWorkerAsync(id, ct), CancellationToken.None);
                }
            }
            foreach (var done in _workers.Where(w => w.Value.IsCompleted).Select(w => w.Key).ToList())
            {
                _workers.Remove(done);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            WebhookLog.DispatcherFailed(logger, e);
        }
    }

    private async Task RunWorkerAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await new WebhookWorker(id, store, sender, settings, signal, logger).RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The process is stopping; the lease was released on the way out.
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or HttpRequestException or InvalidOperationException)
        {
            WebhookLog.WorkerFailed(logger, e, id);
        }
    }
}
