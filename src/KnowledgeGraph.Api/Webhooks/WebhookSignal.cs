namespace KnowledgeGraph.Api.Webhooks;

/// <summary>Wakes this process's webhook workers at once when a webhook is registered or a replay is asked for here.</summary>
public sealed class WebhookSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next pulse.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
