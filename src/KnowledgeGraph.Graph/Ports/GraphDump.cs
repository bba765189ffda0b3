using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>
/// The lines of <see cref="IGraphWriter.DumpAsync"/>, the same for every store: fields joined by '|', nulls left out,
/// facts (GraphJson) as canonical JSON (keys in ordinal order, numbers as decimals, no spaces), so that equal graphs give equal
/// dumps whichever store holds them. A node's attributes are followed by their world interval ("attrs", from or "start",
/// to or "open"); nodes and relationships end with their knowledge interval ("known", from, to).
/// </summary>
public static class GraphDump
{
    public static string Node(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Line("node", node.Label, node.Id, Date(node.ValidFrom), Canonical(GraphJson.Of(node)),
            "attrs", Date(node.AttributesFrom) ?? "start", Date(node.AttributesTo) ?? "open", string.Join(',', node.EventIds), "known", Number(node.RecordedFrom), node.RecordedTo is { } to ? Number(to) : "open");
    }

    public static string Edge(GraphEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return Line("edge", edge.Type, edge.FromLabel, edge.FromId, edge.ToLabel, edge.ToId, edge.Key, Date(edge.ValidFrom), Date(edge.ValidTo) ?? "open",
            Canonical(GraphJson.Of(edge)), string.Join(',', edge.EventIds), "known", Number(edge.RecordedFrom), edge.RecordedTo is { } to ? Number(to) : "open");
    }

    public static string Event(ProvenanceEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Line("event", e.EventId, e.Sequence.ToString(CultureInfo.InvariantCulture), e.Type, Date(e.EffectiveDate), e.Stream,
            e.Source.Title, e.Source.Publisher, e.Source.Url, Date(e.Source.PublishedAt), e.RetractedBy);
    }

    public static string Error(string stream, ProjectionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Line("error", stream, error.Sequence.ToString(CultureInfo.InvariantCulture), error.EventId, error.Reason);
    }

    /// <summary>The JSON with its object keys in ordinal order at every depth and its numbers written as decimals.</summary>
    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => JsonValue.Create(v.GetValue<decimal>()),
        _ => node?.DeepClone(),
    };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date is { } d ? Dates.Format(d) : null;

    private static string Line(params string?[] fields) => string.Join('|', fields.OfType<string>());
}
