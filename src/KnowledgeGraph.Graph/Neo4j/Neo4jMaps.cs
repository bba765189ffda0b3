using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The maps the question statements of <see cref="Cypher"/> return, read back into the model.</summary>
internal static class Neo4jMaps
{
    /// <summary>A node of any label: <c>{label, props}</c>.</summary>
    public static GraphNode Node(JsonNode? map) => Neo4jRows.ReadNode(Text(map, "label"), Props(map));

    /// <summary>An organization from its properties alone.</summary>
    public static GraphNode Organization(JsonNode? props) => Neo4jRows.ReadNode(Labels.Organization, props as JsonObject
        ?? throw new InvalidOperationException("an organization's properties are missing from the answer"));

    /// <summary>A relationship with its type and ends: <c>{type, fromLabel, fromId, toLabel, toId, props}</c>.</summary>
    public static GraphEdge Edge(JsonNode? map) => Neo4jRows.ReadRelationship(
        Text(map, "type"), Text(map, "fromLabel"), Text(map, "fromId"), Text(map, "toLabel"), Text(map, "toId"), Props(map));

    public static string Text(JsonNode? map, string key) =>
        map?[key]?.GetValue<string>() ?? throw new InvalidOperationException($"'{key}' is missing from the answer");

    public static string? OptionalText(JsonNode? map, string key) => map?[key]?.GetValue<string>();

    public static IReadOnlyList<string> Strings(JsonNode? list) => list is JsonArray array ? array.Select(v => v!.GetValue<string>()).ToList() : [];

    /// <summary>A number as Neo4j returns it, or as the adapter stores a decimal (its exact text).</summary>
    public static decimal Decimal(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => decimal.Parse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture),
        JsonValue v => v.GetValue<decimal>(),
        _ => throw new InvalidOperationException("a number is missing from the answer"),
    };

    private static JsonObject Props(JsonNode? map) =>
        map?["props"] as JsonObject ?? throw new InvalidOperationException("'props' is missing from the answer");
}
