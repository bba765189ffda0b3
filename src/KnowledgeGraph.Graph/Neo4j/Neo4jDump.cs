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

    /// <summary>
    /// One line per version of a node or relationship in both clocks (from the history: the live graph is what part of it
    /// says now), per event and per error (<see cref="GraphDump"/>, as the PostgreSQL dump), sorted.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DumpAsync(Neo4jQueryClient client, CancellationToken ct)
    {
        var lines = new List<string>();
        lines.AddRange((await client.RunAsync(Cypher.DumpNodeVersions, null, ct)).Rows.Select(row => GraphDump.Node(Neo4jRows.ReadNodeVersion(row.Map("props")))));
        lines.AddRange((await client.RunAsync(Cypher.DumpEdgeVersions, null, ct)).Rows.Select(row => GraphDump.Edge(Neo4jRows.ReadEdgeVersion(row.Map("props")))));
        lines.AddRange((await client.RunAsync(Cypher.DumpEvents, null, ct)).Rows.Select(row => GraphDump.Event(Neo4jRows.ReadEvent(row.Map("props")))));
        lines.AddRange((await client.RunAsync(Cypher.DumpErrors, null, ct)).Rows.Select(row =>
        {
            var props = row.Map("props");
            return GraphDump.Error(Text(props, "stream")!, new ProjectionError(props["seq"]!.GetValue<long>(), Text(props, "eventId")!, Text(props, "reason")!));
        }));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string? Text(JsonObject props, string key) => props[key]?.GetValue<string>();
}
