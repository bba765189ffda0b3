namespace KnowledgeGraph.Api.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery of sequence {Sequence} to {Url} failed {Attempts} times ({Error}); it is now a dead letter")]
    public static partial void DeadLettered(ILogger logger, long sequence, Uri url, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook worker of {Webhook} stopped; it starts again at the next poll")]
    public static partial void WorkerFailed(ILogger logger, Exception exception, Guid webhook);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook dispatcher could not read the webhooks; trying again")]
    public static partial void DispatcherFailed(ILogger logger, Exception exception);
}
