using System.Globalization;
using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The status and the whole-graph dump of the Neo4j graph, as the PostgreSQL adapter gives them.</summary>
internal static class Neo4jDump
{
    public static async Task<GraphStatus> StatusAsync(Neo4jQueryClient client, CancellationToken ct)
    {
        var counts = (await client.RunAsync(Cypher.Status, null, ct)).Rows[0];
        var recent = await client.RunAsync(Cypher.RecentErrors, null, ct);
        return new GraphStatus(counts.Number("projected"), (int)counts.Number("nodes"), (int)counts.Number("edges"), (int)counts.Number("errors"),
            recent.Rows.Select(r => new ProjectionError(r.Number("seq"), r.Text("eventId"), r.Text("reason"))).ToList());
    }

    /// <summary>One line per node, relationship, event and error, with the PostgreSQL dump's fields (nulls left out), sorted.</summary>
    public static async Task<IReadOnlyList<string>> DumpAsync(Neo4jQueryClient client, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var row in (await client.RunAsync(Cypher.DumpNodes, null, ct)).Rows)
        {
            var node = Neo4jRows.ReadNode(row.Text("label"), row.Map("props"));
            lines.Add(Line("node", node.Label, node.Id, Neo4jRows.Date(node.ValidFrom), GraphJson.Of(node).ToJsonString(), string.Join(',', node.EventIds)));
        }
        foreach (var row in (await client.RunAsync(Cypher.DumpRelationships, null, ct)).Rows)
        {
            var edge = Neo4jRows.ReadRelationship(row.Text("type"), row.Text("fromLabel"), row.Text("fromId"), row.Text("toLabel"),
                row.Text("toId"), row.Map("props"));
            lines.Add(Line("edge", edge.Type, edge.FromLabel, edge.FromId, edge.ToLabel, edge.ToId, edge.Key, Neo4jRows.Date(edge.ValidFrom),
                Neo4jRows.Date(edge.ValidTo) ?? "open", GraphJson.Of(edge).ToJsonString(), string.Join(',', edge.EventIds)));
        }
        foreach (var row in (await client.RunAsync(Cypher.DumpEvents, null, ct)).Rows)
        {
            var e = Neo4jRows.ReadEvent(row.Map("props"));
            lines.Add(Line("event", e.EventId, e.Sequence.ToString(CultureInfo.InvariantCulture), e.Type, Neo4jRows.Date(e.EffectiveDate), e.Stream,
                e.Source.Title, e.Source.Publisher, e.Source.Url, Neo4jRows.Date(e.Source.PublishedAt), e.RetractedBy));
        }
        foreach (var row in (await client.RunAsync(Cypher.DumpErrors, null, ct)).Rows)
        {
            var props = row.Map("props");
            lines.Add(Line("error", Text(props, "stream"), props["seq"]?.ToJsonString(), Text(props, "eventId"), Text(props, "reason")));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string Line(params string?[] fields) => string.Join('|', fields.OfType<string>());

    private static string? Text(JsonObject props, string key) => props[key]?.GetValue<string>();
}
