using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.KnowledgeQueries;
using KnowledgeGraph.Api.Subscriptions;

namespace KnowledgeGraph.Api.Webhooks;

public sealed class WebhookType : ObjectGraphType<Webhook>
{
    public const int MaxDeliveries = 100;

    public WebhookType()
    {
        Name = "Webhook";
        Description = "A URL that receives every matching deal event, or each change of a standing answer, as a signed POST, in order (its secret is never shown).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id.ToString());
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(ctx => ctx.Source.Url);
        Field<NonNullGraphType<WebhookFilterType>>("filter").Resolve(ctx => ctx.Source.Filter);
        Field<StringGraphType>("question")
            .Description("The standing question whose answer's changes it receives, in words; null when it receives deal events.")
            .Resolve(ctx => ctx.Source.Question is { } question
                ? StandingQuestionInputType.Describe(question, question.AsOf(Today.Of(ctx.RequestServices!)))
                : null);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<LongGraphType>>("cursor")
            .Description("The last sequence it is done with: acknowledged, dead-lettered, or not matching its filter.")
            .Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<LongGraphType>>("pending")
            .Description("Events stored after the cursor and not yet examined (deal events only, unless it follows a question; matching or not).")
            .ResolveAsync(async ctx => (long)await WebhookStore.EventsAfterAsync(
                ctx.RequestServices!.GetRequiredService<Marten.IDocumentStore>(), ctx.Source.Cursor, ctx.Source.Question is null, ctx.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeliveryType>>>>("deliveries")
            .Description("Its latest deliveries, newest first.")
            .Argument<IntGraphType>("first", $"At most this many (default 20, at most {MaxDeliveries}).")
            .ResolveAsync(async ctx =>
            {
                var first = KnowledgeGraph.Graph.Queries.Inputs.Range("first", ctx.GetArgument<int?>("first"), 20, MaxDeliveries);
                return await ctx.RequestServices!.GetRequiredService<WebhookStore>().DeliveriesAsync(ctx.Source.Id, first, ctx.CancellationToken);
            });
    }
}

public sealed class DeliveryType : ObjectGraphType<Delivery>
{
    public DeliveryType()
    {
        Name = "WebhookDelivery";
        Description = "One event sent to a webhook.";
        Field<NonNullGraphType<LongGraphType>>("sequence").Resolve(ctx => ctx.Source.Sequence);
        Field<NonNullGraphType<StringGraphType>>("eventId").Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<IntGraphType>>("attempts").Description("Attempts so far, the acknowledged one included.").Resolve(ctx => ctx.Source.Attempts);
        Field<StringGraphType>("lastError").Description("Why the latest attempt failed; null once acknowledged.").Resolve(ctx => ctx.Source.LastError);
        Field<DateTimeOffsetGraphType>("acknowledgedAt").Description("When the receiver answered 2xx; null until then.").Resolve(ctx => ctx.Source.AcknowledgedAt);
    }
}

public sealed class DeadLetterType : ObjectGraphType<DeadLetter>
{
    public DeadLetterType()
    {
        Name = "DeadLetter";
        Description = "A delivery given up after every attempt failed; replayDeadLetter sends it again.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id.ToString());
        Field<NonNullGraphType<IdGraphType>>("webhookId").Resolve(ctx => ctx.Source.WebhookId.ToString());
        Field<NonNullGraphType<LongGraphType>>("sequence").Resolve(ctx => ctx.Source.Sequence);
        Field<NonNullGraphType<StringGraphType>>("eventId").Resolve(ctx => ctx.Source.EventId);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(ctx => ctx.Source.Attempts);
        Field<NonNullGraphType<StringGraphType>>("lastError").Resolve(ctx => ctx.Source.LastError);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("failedAt").Resolve(ctx => ctx.Source.FailedAt);
    }
}

public sealed class WebhookFilterType : ObjectGraphType<DealFilter>
{
    public WebhookFilterType()
    {
        Name = "WebhookFilter";
        Description = "The DealFilter a webhook was registered with; a list that is null matches everything.";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("kinds").Resolve(ctx => ctx.Source.Kinds);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("products").Resolve(ctx => ctx.Source.Products);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("countries").Resolve(ctx => ctx.Source.Countries);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("blocs").Resolve(ctx => ctx.Source.Blocs);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("parties").Resolve(ctx => ctx.Source.Parties);
    }
}
