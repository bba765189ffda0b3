namespace KnowledgeGraph.Api.Subscriptions;

internal static partial class SubscriptionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for event appends failed; polling until it works again")]
    public static partial void ListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event feed could not read the event store; trying again")]
    public static partial void FeedReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph projection has not reached sequence {Sequence} after {Wait}; deal {Deal} is delivered before the graph around it has it")]
    public static partial void ProjectionBehind(ILogger logger, long sequence, TimeSpan wait, string deal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The graph projection has not reached sequence {Sequence} after {Wait}; a standing question waits for it")]
    public static partial void AnswerWaitsForProjection(ILogger logger, long sequence, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A GraphQL WebSocket went away")]
    public static partial void SocketGone(ILogger logger, Exception exception);
}
