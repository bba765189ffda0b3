using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Npgsql;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>
/// The whole graph, every version in both clocks, as sorted text lines (<see cref="GraphDump"/>), for comparing two
/// graphs (crash tests, rebuilds, replays, stores). When each event was recorded is the store's, not the graph's.
/// </summary>
internal static class PostgresDump
{
    public static async Task<IReadOnlyList<string>> DumpAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var reader = new PostgresGraphReader(dataSource);
        var lines = new List<string>();
        lines.AddRange((await reader.QueryAsync(
            $"SELECT {PostgresGraphReader.NodeColumns}, recorded_from, recorded_to, nullif(attrs_from, '-infinity'), attrs_to FROM kg_graph.node_versions",
            r => PostgresGraphReader.ReadNode(r) with
            {
                RecordedFrom = r.GetInt64(5),
                RecordedTo = r.IsDBNull(6) ? null : r.GetInt64(6),
                AttributesFrom = r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
                AttributesTo = r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
            }, ct))
            .Select(GraphDump.Node));
        lines.AddRange((await reader.QueryAsync($"SELECT {PostgresGraphReader.EdgeColumns}, recorded_from, recorded_to FROM kg_graph.edge_versions",
            r => PostgresGraphReader.ReadEdge(r) with { RecordedFrom = r.GetInt64(10), RecordedTo = r.IsDBNull(11) ? null : r.GetInt64(11) }, ct))
            .Select(GraphDump.Edge));
        lines.AddRange((await reader.QueryAsync($"SELECT {PostgresGraphReader.EventColumns} FROM kg_graph.event_records", PostgresGraphReader.ReadEvent, ct))
            .Select(GraphDump.Event));
        lines.AddRange(await reader.QueryAsync("SELECT stream, seq, event_id, reason FROM kg_graph.errors",
            r => GraphDump.Error(r.GetString(0), new ProjectionError(r.GetInt64(1), r.GetString(2), r.GetString(3))), ct));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
