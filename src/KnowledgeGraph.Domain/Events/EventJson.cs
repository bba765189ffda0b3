using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeGraph.Domain.Events;

/// <summary>The JSON shape of the import format, shared by parsing, storage and export.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One line of the import format, with its fields in a fixed order.</summary>
    public static string ToLine(EventEnvelope envelope)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", envelope.Id);
            writer.WriteString("type", envelope.Type);
            writer.WriteString("effectiveDate", envelope.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            writer.WritePropertyName("source");
            JsonSerializer.Serialize(writer, envelope.Source, Options);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, envelope.Data, envelope.Data.GetType(), Options);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// A fingerprint of what an event says, blind to whitespace and key order: the same id with another
    /// fingerprint is a conflicting duplicate.
    /// </summary>
    public static string Fingerprint(EventEnvelope envelope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToLine(envelope))));
}
