using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Npgsql;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>The whole graph as sorted text lines (<see cref="GraphDump"/>), for comparing two graphs (crash tests, rebuilds, replays, stores).</summary>
internal static class PostgresDump
{
    public static async Task<IReadOnlyList<string>> DumpAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var reader = new PostgresGraphReader(dataSource);
        var lines = new List<string>();
        lines.AddRange((await reader.QueryAsync($"SELECT {PostgresGraphReader.NodeColumns} FROM kg_graph.nodes", PostgresGraphReader.ReadNode, ct))
            .Select(GraphDump.Node));
        lines.AddRange((await reader.QueryAsync($"SELECT {PostgresGraphReader.EdgeColumns} FROM kg_graph.edges", PostgresGraphReader.ReadEdge, ct))
            .Select(GraphDump.Edge));
        lines.AddRange((await reader.QueryAsync($"SELECT {PostgresGraphReader.EventColumns} FROM kg_graph.events", PostgresGraphReader.ReadEvent, ct))
            .Select(GraphDump.Event));
        lines.AddRange(await reader.QueryAsync("SELECT stream, seq, event_id, reason FROM kg_graph.errors",
            r => GraphDump.Error(r.GetString(0), new ProjectionError(r.GetInt64(1), r.GetString(2), r.GetString(3))), ct));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
