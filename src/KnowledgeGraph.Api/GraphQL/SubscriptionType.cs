using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// Live events over WebSocket (graphql-transport-ws). With <c>afterSequence</c>, everything stored after it first, in
/// order, then live events, without gap or duplicate; without it, only live events.
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<DealRecordedType>, DealRecorded>("dealRecorded")
            .Description("Every new or changed investment, partnership and supply agreement that matches the filter.")
            .Argument<DealFilterInputType>("filter")
            .Argument<LongGraphType>("afterSequence", "The last sequence received: resume after it (0 replays from the first event).")
            .Resolve(ctx => (DealRecorded)ctx.Source!)
            .ResolveStream(ctx =>
            {
                var deals = ctx.RequestServices!.GetRequiredService<DealEvents>();
                var filter = DealFilterInputType.From(ctx.GetArgument<Dictionary<string, object?>?>("filter"));
                return Stream(ctx, (e, ct) => deals.ResolveAsync(e, filter, ct));
            });
        Field<NonNullGraphType<AnswerChangedType>, AnswerChanged>("answerChanged")
            .Description("Each stored event that changes the answer to a flagship or stranded-if question: the firms it added and removed, and the answer after it.")
            .Argument<NonNullGraphType<KnowledgeQueries.StandingQuestionInputType>>("question")
            .Argument<LongGraphType>("afterSequence", "The last sequence received: resume after it (0 replays from the first event).")
            .Resolve(ctx => (AnswerChanged)ctx.Source!)
            .ResolveStream(ctx =>
            {
                var question = KnowledgeQueries.StandingQuestionInputType.From(ctx.GetArgument<Dictionary<string, object?>>("question"));
                return Stream(ctx, ctx.RequestServices!.GetRequiredService<StandingAnswers>().Follow(question));
            });
        Field<NonNullGraphType<EventRecordedType>, StoredEvent>("eventRecorded")
            .Description("Every stored event of the given types (all when omitted), raw.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("types", "Event types of the catalog, e.g. InvestmentMade.")
            .Argument<LongGraphType>("afterSequence", "The last sequence received: resume after it (0 replays from the first event).")
            .Resolve(ctx => (StoredEvent)ctx.Source!)
            .ResolveStream(ctx =>
            {
                var types = ctx.GetArgument<List<string>?>("types")?.ToHashSet(StringComparer.Ordinal);
                if (types?.FirstOrDefault(t => EventCatalog.Find(t) is null) is { } unknown)
                {
                    throw new ExecutionError($"types: '{unknown}' is not an event type of the catalog (e.g. {string.Join(", ", EventCatalog.Types.Take(3).Select(t => t.Name))})")
                    {
                        Code = "BAD_USER_INPUT",
                    };
                }
                return Stream(ctx, (e, _) => Task.FromResult(types is null || types.Contains(e.EventType) ? e : null));
            });
    }

    private static EventFeedSubscription<T> Stream<T>(IResolveFieldContext ctx, Func<StoredEvent, CancellationToken, Task<T?>> map) where T : class
    {
        var after = ctx.GetArgument<long?>("afterSequence");
        if (after < 0)
        {
            throw new ExecutionError("afterSequence must be 0 or more") { Code = "BAD_USER_INPUT" };
        }
        var feed = ctx.RequestServices!.GetRequiredService<EventFeed>();
        return new EventFeedSubscription<T>(feed, after, map, ctx.UserContext as ISubscriptionHost);
    }
}
