using Npgsql;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>
/// The whole graph, every version in both clocks, as sorted text lines, for comparing two graphs (crash tests, rebuilds,
/// replays). When each event was recorded is the store's, not the graph's: two stores of the same events differ in it.
/// </summary>
internal static class PostgresDump
{
    private static readonly string[] Queries =
    [
        "SELECT concat_ws('|', 'node', label, id, valid_from, props::text, array_to_string(event_ids, ','), 'known', recorded_from, coalesce(recorded_to::text, 'open')) FROM kg_graph.node_versions",
        "SELECT concat_ws('|', 'edge', type, from_label, from_id, to_label, to_id, key, valid_from, coalesce(valid_to::text, 'open'), props::text, array_to_string(event_ids, ','), 'known', recorded_from, coalesce(recorded_to::text, 'open')) FROM kg_graph.edge_versions",
        "SELECT concat_ws('|', 'event', event_id, seq, type, effective_date, stream, title, publisher, url, published_at, retracted_by, retracted_seq) FROM kg_graph.event_records",
        "SELECT concat_ws('|', 'error', stream, seq, event_id, reason) FROM kg_graph.errors",
    ];

    public static async Task<IReadOnlyList<string>> DumpAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var lines = new List<string>();
        foreach (var query in Queries)
        {
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                lines.Add(reader.GetString(0));
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
