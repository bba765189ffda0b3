using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.KnowledgeQueries;
using KnowledgeGraph.Api.GraphQL.Transport;
using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>Registering, listing and replaying webhooks; every field needs an API key, since webhooks reveal integrations.</summary>
internal static class WebhookFields
{
    /// <summary>The query fields, whose answers change without an event (so they are never kept by knowledge point).</summary>
    public static readonly IReadOnlySet<string> Queries = new HashSet<string>(StringComparer.Ordinal) { "webhooks", "deadLetters" };

    public static void AddWebhookMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WebhookType>>("registerWebhook")
            .Description("Registers a URL that receives, from now on, every deal event matching the filter, or with a question each change of "
                + "its answer ({ sequence, added, removed, answer }, as answerChanged); signed with the secret (API key required).")
            .Argument<NonNullGraphType<StringGraphType>>("url", "An absolute http or https URL.")
            .Argument<DealFilterInputType>("filter")
            .Argument<StandingQuestionInputType>("question", "A standing question to follow instead of deal events (not with a filter).")
            .Argument<NonNullGraphType<StringGraphType>>("secret", "A Standard Webhooks secret (whsec_ and 24 to 64 random bytes in base64): keys the webhook-signature of each delivery; never shown again.")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireApiKey();
                var url = AbsoluteHttpUrl(ctx.GetArgument<string>("url"));
                var secret = ctx.GetArgument<string>("secret");
                if (WebhookPayload.SecretProblem(secret) is { } problem)
                {
                    throw new QueryInputException("secret", problem);
                }
                var feed = ctx.RequestServices!.GetRequiredService<EventFeed>();
                await feed.Started.WaitAsync(ctx.CancellationToken);
                var filterInput = ctx.GetArgument<Dictionary<string, object?>?>("filter");
                var questionInput = ctx.GetArgument<Dictionary<string, object?>?>("question");
                if (filterInput is not null && questionInput is not null)
                {
                    throw new QueryInputException("question", "a webhook follows either deal events (filter) or a standing question, not both");
                }
                var question = questionInput is null ? null : StandingQuestionInputType.From(questionInput);
                var webhook = await Store(ctx).RegisterAsync(url, DealFilterInputType.From(filterInput), question, secret, feed.Head, ctx.CancellationToken);
                ctx.RequestServices!.GetRequiredService<WebhookSignal>().Pulse();
                return webhook;
            });
        mutation.Field<NonNullGraphType<BooleanGraphType>>("deleteWebhook")
            .Description("Deletes a webhook, its delivery state and its dead letters; false when there is no such webhook (API key required).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireApiKey();
                return await Store(ctx).DeleteAsync(Id(ctx, "id"), ctx.CancellationToken);
            });
        mutation.Field<NonNullGraphType<BooleanGraphType>>("replayDeadLetter")
            .Description("Queues a dead letter to be delivered again, with the usual retries; it leaves deadLetters once acknowledged. "
                + "False when there is no such dead letter (API key required).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireApiKey();
                var queued = await Store(ctx).RequestReplayAsync(Id(ctx, "id"), ctx.CancellationToken);
                ctx.RequestServices!.GetRequiredService<WebhookSignal>().Pulse();
                return queued;
            });
    }

    public static void AddWebhookQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookType>>>>("webhooks")
            .Description("Every registered webhook, oldest first (API key required).")
            .ResolveAsync(async ctx =>
            {
                RequireApiKeyToRead(ctx);
                return await Store(ctx).ListAsync(ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DeadLetterType>>>>("deadLetters")
            .Description("Deliveries given up after KG_WEBHOOK_MAX_ATTEMPTS failed attempts, of one webhook or all (API key required).")
            .Argument<IdGraphType>("webhookId")
            .ResolveAsync(async ctx =>
            {
                RequireApiKeyToRead(ctx);
                var webhook = ctx.GetArgument<string?>("webhookId") is null ? (Guid?)null : Id(ctx, "webhookId");
                return await Store(ctx).DeadLettersAsync(webhook, ctx.CancellationToken);
            });
    }

    private static Uri AbsoluteHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0
            ? url
            : throw new QueryInputException("url", $"'{text}' is not an absolute http or https URL (e.g. https://example.org/kg-hook)");

    private static Guid Id(IResolveFieldContext ctx, string argument) =>
        Guid.TryParse(ctx.GetArgument<string>(argument), out var id) ? id : throw new QueryInputException(argument, $"'{ctx.GetArgument<string>(argument)}' is not an id given by this API");

    private static WebhookStore Store(IResolveFieldContext ctx) => ctx.RequestServices!.GetRequiredService<WebhookStore>();

    private static void RequireApiKeyToRead(IResolveFieldContext ctx)
    {
        if (!ctx.IsAuthenticated())
        {
            throw new ExecutionError("Webhooks reveal integrations: send an API key as 'Authorization: Bearer <key>' (see KG_API_KEYS)") { Code = "UNAUTHENTICATED" };
        }
    }
}
