namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// Wakes this process's webhook workers at once when its outbox subscription commits deliveries, or a webhook is
/// registered or a replay asked for here; the workers of other processes find them at their next poll.
/// </summary>
public sealed class WebhookSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next pulse.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
