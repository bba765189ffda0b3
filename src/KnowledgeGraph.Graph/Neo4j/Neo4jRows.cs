using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The model as Neo4j properties and back. The model's properties are stored flat beside the adapter's own keys
/// (Neo4j properties are primitives or arrays of them). Dates are ISO strings. Neo4j stores no null and no decimal, so a
/// null is recorded by its key in <c>nullKeys</c>, and a number as its exact text with its key in <c>decimalKeys</c>:
/// read back, the properties equal PostgreSQL's (a Cypher statement that computes with one converts it, toFloat()).
/// </summary>
internal static class Neo4jRows
{
    /// <summary>
    /// The keys the adapter adds to every node, and to every node version (<c>:NodeVersion</c>: its label, its world
    /// interval of attributes, its knowledge interval and its key); a model property may not use them.
    /// </summary>
    public static readonly IReadOnlyList<string> NodeKeys =
        ["id", "validFrom", "eventIds", "stream", "recordedFrom", NullKeys, DecimalKeys, "label", "attributesFrom", "attributesTo", "recordedTo", VersionKey];

    /// <summary>
    /// The keys the adapter adds to every relationship, and to every relationship version (<c>:EdgeVersion</c>: its type,
    /// its ends, its knowledge interval and its key); a model property may not use them.
    /// </summary>
    public static readonly IReadOnlyList<string> RelationshipKeys =
        ["key", "validFrom", "validTo", "eventIds", "stream", "recordedFrom", NullKeys, DecimalKeys, "type", "fromLabel", "fromId", "toLabel", "toId", "recordedTo", VersionKey];

    /// <summary>The property that names a version uniquely, as the PostgreSQL tables' primary keys do (MERGE cannot match on a null).</summary>
    private const string VersionKey = "version";

    private const string NullKeys = "nullKeys";
    private const string DecimalKeys = "decimalKeys";

    public static readonly IReadOnlyList<string> EventKeys =
        ["id", "seq", "type", "effectiveDate", "stream", "title", "publisher", "url", "publishedAt", "retractedBy", "retractedSeq", "recordedAt"];

    public static readonly IReadOnlyList<string> ErrorKeys = ["stream", "seq", "eventId", "reason"];

    public static JsonObject Node(GraphNode node, string? stream)
    {
        var props = Flatten(GraphJson.Of(node), NodeKeys, $"{node.Label} '{node.Id}'");
        props["id"] = node.Id;
        props["validFrom"] = Date(node.ValidFrom);
        props["eventIds"] = Strings(node.EventIds);
        props["stream"] = stream;
        props["recordedFrom"] = node.RecordedFrom;
        return new JsonObject { ["id"] = node.Id, ["props"] = WithoutNulls(props) };
    }

    public static JsonObject Relationship(GraphEdge edge, string? stream)
    {
        var props = Flatten(GraphJson.Of(edge), RelationshipKeys, $"{edge.Type} '{edge.Key}' from '{edge.FromId}' to '{edge.ToId}'");
        props["key"] = edge.Key;
        props["validFrom"] = Date(edge.ValidFrom);
        props["validTo"] = Date(edge.ValidTo);
        props["eventIds"] = Strings(edge.EventIds);
        props["stream"] = stream;
        props["recordedFrom"] = edge.RecordedFrom;
        return new JsonObject
        {
            ["fromId"] = edge.FromId,
            ["toId"] = edge.ToId,
            ["key"] = edge.Key,
            ["validFrom"] = Date(edge.ValidFrom),
            ["props"] = WithoutNulls(props),
        };
    }

    /// <summary>
    /// A version of a node in both clocks, for the history beside the live graph: the node's properties, its label, its
    /// attributes' world interval and its knowledge interval, keyed as PostgreSQL keys node_versions (label, id,
    /// attributes from, recorded from).
    /// </summary>
    public static JsonObject NodeVersion(GraphNode node, string? stream)
    {
        var props = PropsOf(Node(node, stream));
        props["label"] = node.Label;
        props["attributesFrom"] = Date(node.AttributesFrom);
        props["attributesTo"] = Date(node.AttributesTo);
        props["recordedTo"] = node.RecordedTo;
        var version = Key(node.Label, node.Id, Date(node.AttributesFrom) ?? "", node.RecordedFrom.ToString(CultureInfo.InvariantCulture));
        props[VersionKey] = version;
        return new JsonObject { [VersionKey] = version, ["props"] = WithoutNulls(props) };
    }

    /// <summary>
    /// A version of a relationship in both clocks, stored as a node (<c>:EdgeVersion</c>) with its type and ends, keyed as
    /// PostgreSQL keys edge_versions (type, ends, key, valid from, recorded from).
    /// </summary>
    public static JsonObject EdgeVersion(GraphEdge edge, string? stream)
    {
        var props = PropsOf(Relationship(edge, stream));
        props["type"] = edge.Type;
        props["fromLabel"] = edge.FromLabel;
        props["fromId"] = edge.FromId;
        props["toLabel"] = edge.ToLabel;
        props["toId"] = edge.ToId;
        props["recordedTo"] = edge.RecordedTo;
        var version = Key(edge.Type, edge.FromLabel, edge.FromId, edge.ToLabel, edge.ToId, edge.Key, Dates.Format(edge.ValidFrom),
            edge.RecordedFrom.ToString(CultureInfo.InvariantCulture));
        props[VersionKey] = version;
        return new JsonObject { [VersionKey] = version, ["props"] = WithoutNulls(props) };
    }

    /// <summary>The properties of a row, taken out of it.</summary>
    private static JsonObject PropsOf(JsonObject row)
    {
        var props = row["props"]!.AsObject();
        row.Remove("props");
        return props;
    }

    /// <summary>The parts as a JSON array: unambiguous whatever characters an id holds.</summary>
    private static string Key(params string[] parts) => Strings(parts).ToJsonString();

    /// <summary>
    /// An instant as Neo4j stores it: UTC text to the microsecond, as PostgreSQL keeps a timestamptz, of fixed width so that
    /// comparing the texts compares the instants.
    /// </summary>
    public static string Instant(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset ReadInstant(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static JsonObject Event(ProvenanceEvent e) => new()
    {
        ["id"] = e.EventId,
        ["props"] = WithoutNulls(new JsonObject
        {
            ["id"] = e.EventId,
            ["seq"] = e.Sequence,
            ["type"] = e.Type,
            ["effectiveDate"] = Date(e.EffectiveDate),
            ["stream"] = e.Stream,
            ["title"] = e.Source.Title,
            ["publisher"] = e.Source.Publisher,
            ["url"] = e.Source.Url,
            ["publishedAt"] = Date(e.Source.PublishedAt),
            ["retractedBy"] = e.RetractedBy,
            ["retractedSeq"] = e.RetractedAtSequence,
            ["recordedAt"] = e.RecordedAt is { } at ? Instant(at) : null,
        }),
    };

    public static JsonObject Error(string stream, ProjectionError error) => new()
    {
        ["stream"] = stream,
        ["seq"] = error.Sequence,
        ["eventId"] = error.EventId,
        ["reason"] = error.Reason,
    };

    /// <summary>A node as the questions read it, as the PostgreSQL reader gives it: without its clocks (those are the dump's).</summary>
    public static GraphNode ReadNode(string label, JsonObject props) => GraphJson.Node(
        label, Text(props, "id")!, ReadDate(props, "validFrom"), ReadStrings(props, "eventIds"), ModelProperties(props, NodeKeys));

    /// <summary>A node version (<see cref="NodeVersion"/>) as the questions read it.</summary>
    public static GraphNode ReadNode(JsonObject props) => ReadNode(Text(props, "label")!, props);

    /// <summary>A node version as <see cref="NodeVersion"/> wrote it, with both clocks (for the dump).</summary>
    public static GraphNode ReadNodeVersion(JsonObject props) => ReadNode(props) with
    {
        RecordedFrom = props["recordedFrom"]!.GetValue<long>(),
        AttributesFrom = ReadDate(props, "attributesFrom"),
        AttributesTo = ReadDate(props, "attributesTo"),
        RecordedTo = props["recordedTo"]?.GetValue<long>(),
    };

    /// <summary>A relationship version as <see cref="EdgeVersion"/> wrote it, with both clocks (for the dump).</summary>
    public static GraphEdge ReadEdgeVersion(JsonObject props) => ReadRelationship(props) with
    { RecordedFrom = props["recordedFrom"]!.GetValue<long>(), RecordedTo = props["recordedTo"]?.GetValue<long>() };

    public static GraphEdge ReadRelationship(string type, string fromLabel, string fromId, string toLabel, string toId, JsonObject props) => GraphJson.Edge(
        type, fromLabel, fromId, toLabel, toId, Text(props, "key")!, ReadDate(props, "validFrom")!.Value, ReadDate(props, "validTo"),
        ReadStrings(props, "eventIds"), ModelProperties(props, RelationshipKeys));

    /// <summary>A relationship version (<see cref="EdgeVersion"/>) as the questions read it.</summary>
    public static GraphEdge ReadRelationship(JsonObject props) => ReadRelationship(
        Text(props, "type")!, Text(props, "fromLabel")!, Text(props, "fromId")!, Text(props, "toLabel")!, Text(props, "toId")!, props);

    public static ProvenanceEvent ReadEvent(JsonObject props) => new(
        Text(props, "id")!, props["seq"]!.GetValue<long>(), Text(props, "type")!, ReadDate(props, "effectiveDate")!.Value,
        new Source(Text(props, "title")!, Text(props, "publisher")!, Text(props, "url"), ReadDate(props, "publishedAt")),
        Text(props, "stream")!, Text(props, "retractedBy"));

    /// <summary>An event as known at the sequence: its retraction only if that was recorded by then, as PostgreSQL's events view gives it.</summary>
    public static ProvenanceEvent ReadEvent(JsonObject props, long known)
    {
        var e = ReadEvent(props);
        return props["retractedSeq"]?.GetValue<long>() <= known ? e : e with { RetractedBy = null };
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static string? Date(DateOnly? date) => date is { } d ? Dates.Format(d) : null;

    /// <summary>The model's properties of a node or relationship, without the adapter's keys, nulls and decimals restored, in key order.</summary>
    private static JsonObject ModelProperties(JsonObject props, IReadOnlyList<string> adapterKeys)
    {
        var decimals = ReadStrings(props, DecimalKeys);
        return new(props
            .Where(p => !adapterKeys.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, decimals.Contains(p.Key) ? JsonNode.Parse(p.Value!.GetValue<string>()) : p.Value?.DeepClone()))
            .Concat(ReadStrings(props, NullKeys).Select(key => KeyValuePair.Create(key, (JsonNode?)null)))
            .OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    internal static JsonObject Flatten(JsonObject properties, IReadOnlyList<string> adapterKeys, string owner)
    {
        var flat = new JsonObject();
        foreach (var (key, value) in properties)
        {
            if (adapterKeys.Contains(key))
            {
                throw new InvalidOperationException($"{owner} has a property '{key}', a name the Neo4j adapter keeps for itself");
            }
            if (value is JsonObject || value is JsonArray array && array.Any(v => v is not JsonValue))
            {
                throw new InvalidOperationException($"{owner} has a property '{key}' that is a map or holds one; Neo4j stores primitives and arrays of them only");
            }
            flat[key] = value switch
            {
                null => null,
                JsonValue number when number.GetValueKind() == JsonValueKind.Number => number.ToJsonString(),
                _ => value.DeepClone(),
            };
        }
        flat[NullKeys] = KeysWhere(properties, v => v is null);
        flat[DecimalKeys] = KeysWhere(properties, v => v is JsonValue number && number.GetValueKind() == JsonValueKind.Number);
        return flat;
    }

    /// <summary>The keys whose value matches, or null (so not stored) when there is none.</summary>
    private static JsonArray? KeysWhere(JsonObject properties, Func<JsonNode?, bool> matches)
    {
        var keys = properties.Where(p => matches(p.Value)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? null : Strings(keys);
    }

    private static JsonObject WithoutNulls(JsonObject props)
    {
        foreach (var key in props.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            props.Remove(key);
        }
        return props;
    }

    private static string? Text(JsonObject props, string key) => props[key]?.GetValue<string>();

    private static DateOnly? ReadDate(JsonObject props, string key) =>
        Text(props, key) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static List<string> ReadStrings(JsonObject props, string key) =>
        props[key] is JsonArray array ? array.Select(v => v!.GetValue<string>()).ToList() : [];
}
