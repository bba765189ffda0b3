using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KnowledgeGraph.Domain.Events;

/// <summary>The JSON shape of the import format, shared by parsing, storage and export.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // The event types are read and written on every line of an import: generated code for them, reflection for the rest.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(EventJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    /// <summary>One line of the import format, with its fields in a fixed order.</summary>
    public static string ToLine(EventEnvelope envelope) => Encoding.UTF8.GetString(Write(envelope));

    /// <summary>
    /// A fingerprint of what an event says, blind to whitespace and key order: the same id with another
    /// fingerprint is a conflicting duplicate.
    /// </summary>
    public static string Fingerprint(EventEnvelope envelope)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Write(envelope), hash);
        return Convert.ToHexStringLower(hash);
    }

    // One buffer and one writer per thread: a line is written many thousand times an import, never re-entrantly.
    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;
    [ThreadStatic] private static Utf8JsonWriter? lineWriter;

    /// <summary>The line's UTF-8, valid until the thread writes the next line.</summary>
    private static ReadOnlySpan<byte> Write(EventEnvelope envelope)
    {
        buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = lineWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder });
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("id", envelope.Id);
        writer.WriteString("type", envelope.Type);
        writer.WriteString("effectiveDate", envelope.EffectiveDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WritePropertyName("source");
        JsonSerializer.Serialize(writer, envelope.Source, Options);
        writer.WritePropertyName("data");
        JsonSerializer.Serialize(writer, envelope.Data, envelope.Data.GetType(), Options);
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan;
    }
}

/// <summary>Generated serialization of the catalog's event types and the source; a test holds it to the catalog.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Source))]
[JsonSerializable(typeof(OrganizationRegistered))]
[JsonSerializable(typeof(OrganizationUpdated))]
[JsonSerializable(typeof(FacilityRegistered))]
[JsonSerializable(typeof(FacilityStatusChanged))]
[JsonSerializable(typeof(FacilityUpdated))]
[JsonSerializable(typeof(InvestmentMade))]
[JsonSerializable(typeof(InvestmentStatusChanged))]
[JsonSerializable(typeof(StakeChanged))]
[JsonSerializable(typeof(PartnershipFormed))]
[JsonSerializable(typeof(PartnershipStatusChanged))]
[JsonSerializable(typeof(PartnershipEnded))]
[JsonSerializable(typeof(SupplyAgreementSigned))]
[JsonSerializable(typeof(SupplyAgreementStatusChanged))]
[JsonSerializable(typeof(SupplyAgreementEnded))]
[JsonSerializable(typeof(PolicyEnacted))]
[JsonSerializable(typeof(PolicyAmended))]
[JsonSerializable(typeof(PolicyRevoked))]
[JsonSerializable(typeof(BlocJoined))]
[JsonSerializable(typeof(BlocLeft))]
[JsonSerializable(typeof(EventRetracted))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
