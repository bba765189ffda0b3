using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>The provenance events and the projection errors of the PostgreSQL graph.</summary>
internal static class PostgresProvenance
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<ProvenanceEvent> events,
        IReadOnlyList<(string Stream, ProjectionError Error)> errors, CancellationToken ct)
    {
        if (events.Count > 0)
        {
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO kg_graph.event_records (event_id, seq, type, effective_date, stream, title, publisher, url, published_at, retracted_by,
                                                    retracted_seq, recorded_at)
                SELECT * FROM unnest(@id, @seq, @type, @date, @stream, @title, @publisher, @url, @published, @retracted, @retracted_seq, @recorded_at)
                ON CONFLICT (event_id) DO UPDATE SET seq = EXCLUDED.seq, type = EXCLUDED.type, effective_date = EXCLUDED.effective_date,
                    stream = EXCLUDED.stream, title = EXCLUDED.title, publisher = EXCLUDED.publisher, url = EXCLUDED.url,
                    published_at = EXCLUDED.published_at, retracted_by = EXCLUDED.retracted_by, retracted_seq = EXCLUDED.retracted_seq,
                    recorded_at = EXCLUDED.recorded_at
                """, connection);
            upsert.Parameters.AddWithValue("id", events.Select(e => e.EventId).ToArray());
            upsert.Parameters.AddWithValue("seq", events.Select(e => e.Sequence).ToArray());
            upsert.Parameters.AddWithValue("type", events.Select(e => e.Type).ToArray());
            upsert.Parameters.AddWithValue("date", events.Select(e => e.EffectiveDate).ToArray());
            upsert.Parameters.AddWithValue("stream", events.Select(e => e.Stream).ToArray());
            upsert.Parameters.AddWithValue("title", events.Select(e => e.Source.Title).ToArray());
            upsert.Parameters.AddWithValue("publisher", events.Select(e => e.Source.Publisher).ToArray());
            upsert.Parameters.AddWithValue("url", NpgsqlDbType.Array | NpgsqlDbType.Text, events.Select(e => e.Source.Url).ToArray());
            upsert.Parameters.AddWithValue("published", NpgsqlDbType.Array | NpgsqlDbType.Date, events.Select(e => e.Source.PublishedAt).ToArray());
            upsert.Parameters.AddWithValue("retracted", NpgsqlDbType.Array | NpgsqlDbType.Text, events.Select(e => e.RetractedBy).ToArray());
            upsert.Parameters.AddWithValue("retracted_seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint, events.Select(e => e.RetractedAtSequence).ToArray());
            upsert.Parameters.AddWithValue("recorded_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, events.Select(e => e.RecordedAt).ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }
        if (errors.Count > 0)
        {
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO kg_graph.errors (stream, seq, event_id, reason)
                SELECT * FROM unnest(@stream, @seq, @id, @reason) ON CONFLICT DO NOTHING
                """, connection);
            insert.Parameters.AddWithValue("stream", errors.Select(e => e.Stream).ToArray());
            insert.Parameters.AddWithValue("seq", errors.Select(e => e.Error.Sequence).ToArray());
            insert.Parameters.AddWithValue("id", errors.Select(e => e.Error.EventId).ToArray());
            insert.Parameters.AddWithValue("reason", errors.Select(e => e.Error.Reason).ToArray());
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    public static async Task<GraphStatus> StatusAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var counts = new NpgsqlCommand(
            """
            SELECT (SELECT coalesce(max(last_seq), 0) FROM kg_graph.streams),
                   (SELECT count(*) FROM kg_graph.nodes), (SELECT count(*) FROM kg_graph.edges), (SELECT count(*) FROM kg_graph.errors)
            """, connection);
        long projected; int nodes, edges, errorCount;
        await using (var reader = await counts.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (projected, nodes, edges, errorCount) = (reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3));
        }
        await using var recent = new NpgsqlCommand("SELECT seq, event_id, reason FROM kg_graph.errors ORDER BY seq DESC, event_id LIMIT 20", connection);
        var errors = new List<ProjectionError>();
        await using (var reader = await recent.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                errors.Add(new ProjectionError(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        return new GraphStatus(projected, nodes, edges, errorCount, errors);
    }
}
