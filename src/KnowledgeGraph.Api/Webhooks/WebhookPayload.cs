using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Subscriptions;

namespace KnowledgeGraph.Api.Webhooks;

/// <summary>The body POSTed for one deal event, and its signature.</summary>
public sealed record WebhookPayload(long Sequence, string EventId, byte[] Body)
{
    public const string SignatureHeader = "X-KG-Signature";
    public const string SequenceHeader = "X-KG-Sequence";
    public const string EventIdHeader = "X-KG-Event-Id";

    /// <summary>
    /// <c>{sequence, eventId, eventType, effectiveDate, deal, source}</c>; the deal is the graph's node, as
    /// <c>dealRecorded</c> delivers it, with its properties as stored.
    /// </summary>
    public static WebhookPayload For(StoredEvent e, DealRecorded recorded)
    {
        var deal = new JsonObject { ["id"] = recorded.Deal.Id };
        foreach (var (key, value) in recorded.Deal.Properties)
        {
            if (key != "id")
            {
                deal[key] = value?.DeepClone();
            }
        }
        deal["effectiveDate"] ??= recorded.Deal.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["sequence"] = e.Sequence,
            ["eventId"] = e.EventId,
            ["eventType"] = e.EventType,
            ["effectiveDate"] = e.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["deal"] = deal,
            ["source"] = JsonNode.Parse(e.Source),
        };
        return new WebhookPayload(e.Sequence, e.EventId, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body, keyed with the webhook's secret.</summary>
    public string Signature(string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body));
}
