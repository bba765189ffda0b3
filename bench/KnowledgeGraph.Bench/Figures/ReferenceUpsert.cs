using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>The hand-written reference of figure 2: the graph's rows, upserted in batches, one transaction per batch.</summary>
public static class ReferenceUpsert
{
    public sealed record NodeRow(string Label, string Id, DateOnly? ValidFrom, string Props, string[] EventIds, string? Stream);

    public sealed record EdgeRow(string Type, string FromLabel, string FromId, string ToLabel, string ToId, string Key,
        DateOnly ValidFrom, DateOnly? ValidTo, string Props, string[] EventIds, string? Stream);

    public static async Task<List<NodeRow>> ReadNodesAsync(NpgsqlDataSource dataSource)
    {
        var rows = new List<NodeRow>();
        await using var command = dataSource.CreateCommand("SELECT label, id, valid_from, props::text, event_ids, stream FROM kg_graph.nodes");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new NodeRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                reader.GetString(3), reader.GetFieldValue<string[]>(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }

    public static async Task<List<EdgeRow>> ReadEdgesAsync(NpgsqlDataSource dataSource)
    {
        var rows = new List<EdgeRow>();
        await using var command = dataSource.CreateCommand(
            "SELECT type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props::text, event_ids, stream FROM kg_graph.edges");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new EdgeRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.GetString(8), reader.GetFieldValue<string[]>(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }
        return rows;
    }

    public static async Task WriteAsync(NpgsqlDataSource dataSource, List<NodeRow> nodes, List<EdgeRow> edges, int batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var chunk in nodes.Chunk(batch))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO bench_ref.nodes (label, id, valid_from, props, event_ids, stream)
                SELECT n.label, n.id, n.valid_from, n.props, ARRAY(SELECT jsonb_array_elements_text(n.event_ids)), n.stream
                FROM unnest(@label, @id, @valid_from, @props, @event_ids, @stream) AS n(label, id, valid_from, props, event_ids, stream)
                ON CONFLICT (label, id) DO UPDATE
                   SET valid_from = EXCLUDED.valid_from, props = EXCLUDED.props, event_ids = EXCLUDED.event_ids, stream = EXCLUDED.stream
                """, connection, transaction);
            insert.Parameters.AddWithValue("label", chunk.Select(n => n.Label).ToArray());
            insert.Parameters.AddWithValue("id", chunk.Select(n => n.Id).ToArray());
            insert.Parameters.AddWithValue("valid_from", NpgsqlDbType.Array | NpgsqlDbType.Date, chunk.Select(n => n.ValidFrom).ToArray());
            insert.Parameters.AddWithValue("props", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, chunk.Select(n => n.Props).ToArray());
            insert.Parameters.AddWithValue("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, chunk.Select(n => JsonSerializer.Serialize(n.EventIds)).ToArray());
            insert.Parameters.AddWithValue("stream", NpgsqlDbType.Array | NpgsqlDbType.Text, chunk.Select(n => n.Stream).ToArray());
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        foreach (var chunk in edges.Chunk(batch))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO bench_ref.edges (type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props, event_ids, stream)
                SELECT e.type, e.from_label, e.from_id, e.to_label, e.to_id, e.key, e.valid_from, e.valid_to, e.props,
                       ARRAY(SELECT jsonb_array_elements_text(e.event_ids)), e.stream
                FROM unnest(@type, @from_label, @from_id, @to_label, @to_id, @key, @valid_from, @valid_to, @props, @event_ids, @stream)
                     AS e(type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props, event_ids, stream)
                ON CONFLICT (type, from_label, from_id, to_label, to_id, key, valid_from) DO UPDATE
                   SET valid_to = EXCLUDED.valid_to, props = EXCLUDED.props, event_ids = EXCLUDED.event_ids, stream = EXCLUDED.stream
                """, connection, transaction);
            insert.Parameters.AddWithValue("type", chunk.Select(e => e.Type).ToArray());
            insert.Parameters.AddWithValue("from_label", chunk.Select(e => e.FromLabel).ToArray());
            insert.Parameters.AddWithValue("from_id", chunk.Select(e => e.FromId).ToArray());
            insert.Parameters.AddWithValue("to_label", chunk.Select(e => e.ToLabel).ToArray());
            insert.Parameters.AddWithValue("to_id", chunk.Select(e => e.ToId).ToArray());
            insert.Parameters.AddWithValue("key", chunk.Select(e => e.Key).ToArray());
            insert.Parameters.AddWithValue("valid_from", chunk.Select(e => e.ValidFrom).ToArray());
            insert.Parameters.AddWithValue("valid_to", NpgsqlDbType.Array | NpgsqlDbType.Date, chunk.Select(e => e.ValidTo).ToArray());
            insert.Parameters.AddWithValue("props", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, chunk.Select(e => e.Props).ToArray());
            insert.Parameters.AddWithValue("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, chunk.Select(e => JsonSerializer.Serialize(e.EventIds)).ToArray());
            insert.Parameters.AddWithValue("stream", NpgsqlDbType.Array | NpgsqlDbType.Text, chunk.Select(e => e.Stream).ToArray());
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }
}
