using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeGraph.Domain.Events;

/// <summary>What a stream is about: one stream per organization, facility, deal, policy and country's memberships.</summary>
public enum StreamKind { Organization, Facility, Deal, Policy, Country }

/// <summary>
/// A stream of the store: its kind and the id of what it is about. On the wire and in the store it is
/// <c>kind:key</c> (<c>org:jl-mag</c>, <c>deal:sup-jl-gm</c>, <c>country:SE</c>); formatted and parsed only here.
/// </summary>
[JsonConverter(typeof(StreamIdJsonConverter))]
public sealed record StreamId
{
    private static readonly Dictionary<string, StreamKind> KindByPrefix =
        Enum.GetValues<StreamKind>().ToDictionary(Prefix, k => k, StringComparer.Ordinal);

    private StreamId(StreamKind kind, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        (Kind, Key) = (kind, key);
    }

    public StreamKind Kind { get; }

    /// <summary>The id of what the stream is about: an organization, facility, deal or policy id, or a country code.</summary>
    public string Key { get; }

    public static StreamId Organization(string id) => new(StreamKind.Organization, id);
    public static StreamId Facility(string id) => new(StreamKind.Facility, id);
    public static StreamId Deal(string id) => new(StreamKind.Deal, id);
    public static StreamId Policy(string id) => new(StreamKind.Policy, id);
    public static StreamId Country(string code) => new(StreamKind.Country, code);

    /// <summary>What every stream id of the kind starts with, for a query over all streams of a kind.</summary>
    public static string Prefix(StreamKind kind) => kind switch
    {
        StreamKind.Organization => "org:",
        StreamKind.Facility => "facility:",
        StreamKind.Deal => "deal:",
        StreamKind.Policy => "policy:",
        StreamKind.Country => "country:",
    };

    public override string ToString() => Prefix(Kind) + Key;

    /// <summary>A stream id as the store holds it; anything else is refused, saying why.</summary>
    public static StreamId Parse(string text) =>
        TryParse(text, out var id, out var problem) ? id : throw new FormatException(problem);

    public static bool TryParse(string? text, [NotNullWhen(true)] out StreamId? id) => TryParse(text, out id, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out StreamId? id, out string problem)
    {
        id = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0)
        {
            problem = $"'{text}' is not a stream id: expected kind:key, the kind one of {string.Join(", ", KindByPrefix.Keys)}";
        }
        else if (!KindByPrefix.TryGetValue(text[..(colon + 1)], out var kind))
        {
            problem = $"'{text}' is not a stream id: '{text[..colon]}' is not a stream kind (one of {string.Join(", ", KindByPrefix.Keys)})";
        }
        else if (colon == text.Length - 1)
        {
            problem = $"'{text}' is not a stream id: the key after '{text[..(colon + 1)]}' is empty";
        }
        else
        {
            (id, problem) = (new StreamId(kind, text[(colon + 1)..]), "");
        }
        return id is not null;
    }
}

/// <summary>A stream id in JSON is its wire string.</summary>
internal sealed class StreamIdJsonConverter : JsonConverter<StreamId>
{
    public override StreamId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StreamId.Parse(reader.GetString() ?? throw new JsonException("a stream id must be a string"));

    public override void Write(Utf8JsonWriter writer, StreamId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
