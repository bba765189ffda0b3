using System.Globalization;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using StandardWebhooks;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// The body POSTed for one deal event or one change of a standing answer, a CloudEvent in structured JSON mode, and its Standard Webhooks signature.
/// </summary>
public sealed record WebhookPayload(long Sequence, string EventId, byte[] Body, string ContentType)
{
    public const string SequenceHeader = "X-KG-Sequence";
    public const string EventIdHeader = "X-KG-Event-Id";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SecretPrefix = "whsec_";

    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>
    /// <c>{specversion, type, source, id, time, subject, datacontenttype, data}</c>: <c>type</c> names the event
    /// (<c>org.knowledgegraph.deal.SupplyAgreementSigned</c>), <c>id</c> is its eventId, <c>time</c> its effective
    /// date, <c>subject</c> the deal; <c>data</c> is <c>{sequence, eventId, eventType, effectiveDate, deal, source}</c>,
    /// the deal being its graph node as the event left it, as <c>dealRecorded</c> delivers it.
    /// </summary>
    public static WebhookPayload For(long sequence, EventEnvelope e, Deal recorded)
    {
        var deal = new JsonObject { ["id"] = recorded.Id };
        foreach (var (key, value) in GraphJson.Of(recorded))
        {
            if (key != "id")
            {
                deal[key] = value?.DeepClone();
            }
        }
        deal["effectiveDate"] ??= recorded.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var data = new JsonObject
        {
            ["sequence"] = sequence,
            ["eventId"] = e.Id,
            ["eventType"] = e.Type,
            ["effectiveDate"] = e.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["deal"] = deal,
            ["source"] = JsonSerializer.SerializeToNode(e.Source, EventJson.Options),
        };
        var cloudEvent = new CloudEvent
        {
            Id = e.Id,
            Type = $"org.knowledgegraph.deal.{e.Type}",
            Source = new Uri("/knowledgegraph/deals", UriKind.Relative),
            Time = new DateTimeOffset(e.EffectiveDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Subject = recorded.Id,
            DataContentType = MediaTypeNames.Application.Json,
            Data = data,
        };
        var body = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return new WebhookPayload(sequence, e.Id, body.ToArray(), contentType.ToString());
    }

    /// <summary>
    /// The change of a standing question's answer, as <c>answerChanged</c> delivers it: a CloudEvent of type
    /// <c>org.knowledgegraph.answerChanged</c> whose <c>id</c> is the eventId that changed the answer and whose
    /// <c>data</c> is <c>{sequence, eventId, added, removed, answer}</c>, each firm <c>{id, name, country}</c>.
    /// </summary>
    public static WebhookPayload For(Subscriptions.AnswerChanged change)
    {
        var data = new JsonObject
        {
            ["sequence"] = change.Sequence,
            ["eventId"] = change.EventId,
            ["added"] = Firms(change.Added),
            ["removed"] = Firms(change.Removed),
            ["answer"] = Firms(change.Answer),
        };
        var cloudEvent = new CloudEvent
        {
            Id = change.EventId,
            Type = "org.knowledgegraph.answerChanged",
            Source = new Uri("/knowledgegraph/questions", UriKind.Relative),
            DataContentType = MediaTypeNames.Application.Json,
            Data = data,
        };
        var body = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return new WebhookPayload(change.Sequence, change.EventId, body.ToArray(), contentType.ToString());
    }

    private static JsonArray Firms(IReadOnlyList<GraphNode> firms) => [.. firms.Select(f => new JsonObject
    {
        ["id"] = f.Id,
        ["name"] = f.Caption,
        ["country"] = (f as Organization)?.Country,
    })];

    /// <summary>The Standard Webhooks message id: one per event, the same on every retry, so a receiver can drop repeats.</summary>
    public string MessageId => $"msg_{EventId}";

    /// <summary><c>v1,</c> and the base64 HMAC-SHA256 of <c>id.timestamp.body</c>, keyed with the webhook's <c>whsec_</c> secret.</summary>
    public string Signature(string secret, DateTimeOffset timestamp) =>
        new StandardWebhook(secret).Sign(MessageId, timestamp, Encoding.UTF8.GetString(Body));

    /// <summary>Null when <paramref name="secret"/> is a Standard Webhooks secret; otherwise what is wrong with it.</summary>
    public static string? SecretProblem(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return $"must be a Standard Webhooks secret: '{SecretPrefix}' and 24 to 64 random bytes in base64";
        }
        var key = new byte[secret.Length];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], key, out var length) && length is >= 24 and <= 64
            ? null
            : $"after '{SecretPrefix}' must come 24 to 64 random bytes in base64 (e.g. from 'openssl rand -base64 32')";
    }
}
