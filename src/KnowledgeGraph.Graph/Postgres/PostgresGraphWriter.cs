using System.Reflection;
using System.Text.Json;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>Writes the graph into the <c>kg_graph</c> schema, one transaction per batch of streams.</summary>
public sealed class PostgresGraphWriter(NpgsqlDataSource dataSource) : IGraphWriter
{
    private static readonly string Schema = ReadResource("schema.sql");

    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Serializes concurrent start-ups (API nodes, CLI) creating the same tables.
        await Execute(connection, "SELECT pg_advisory_xact_lock(4242001)", ct);
        await Execute(connection, Schema, ct);
        await InsertNodesAsync(connection, StaticGraph.Nodes, null, ct);
        await InsertEdgesAsync(connection, StaticGraph.Edges, null, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task ResetAsync(CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await Execute(connection, "DROP SCHEMA IF EXISTS kg_graph CASCADE", ct);
        }
        await EnsureSchemaAsync(ct);
    }

    public async Task WriteAsync(IReadOnlyList<StreamGraph> streams, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var fresh = new List<StreamGraph>();
        foreach (var stream in streams.OrderBy(s => s.Sequence))
        {
            if (await ClaimAsync(connection, stream, ct))
            {
                fresh.Add(stream);
            }
        }
        if (fresh.Count > 0)
        {
            var names = fresh.Select(s => s.Stream).ToArray();
            await using (var clear = new NpgsqlCommand(
                "DELETE FROM kg_graph.nodes WHERE stream = ANY(@s); DELETE FROM kg_graph.edges WHERE stream = ANY(@s); DELETE FROM kg_graph.errors WHERE stream = ANY(@s)", connection))
            {
                clear.Parameters.AddWithValue("s", names);
                await clear.ExecuteNonQueryAsync(ct);
            }
            foreach (var stream in fresh)
            {
                await InsertNodesAsync(connection, stream.Nodes, stream.Stream, ct);
            }
            var errors = fresh.SelectMany(s => s.Errors.Select(e => (s.Stream, Error: e))).ToList();
            foreach (var stream in fresh)
            {
                var missing = await InsertEdgesAsync(connection, stream.Edges, stream.Stream, ct);
                errors.AddRange(missing.Select(m => (stream.Stream,
                    m with { Sequence = stream.Events.FirstOrDefault(e => e.EventId == m.EventId)?.Sequence ?? stream.Sequence })));
            }
            await PostgresProvenance.WriteAsync(connection, fresh.SelectMany(s => s.Events).ToList(), errors, ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Records that a stream is projected up to its sequence; false when it already was, at that or a later one.</summary>
    private static async Task<bool> ClaimAsync(NpgsqlConnection connection, StreamGraph stream, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(
            """
            INSERT INTO kg_graph.streams (stream, last_seq) VALUES (@stream, @seq)
            ON CONFLICT (stream) DO UPDATE SET last_seq = EXCLUDED.last_seq WHERE kg_graph.streams.last_seq < EXCLUDED.last_seq
            RETURNING 1
            """, connection);
        claim.Parameters.AddWithValue("stream", stream.Stream);
        claim.Parameters.AddWithValue("seq", stream.Sequence);
        return await claim.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task InsertNodesAsync(NpgsqlConnection connection, IReadOnlyList<GraphNode> nodes, string? stream, CancellationToken ct)
    {
        if (nodes.Count == 0)
        {
            return;
        }
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO kg_graph.nodes (label, id, valid_from, props, event_ids, stream)
            SELECT n.label, n.id, n.valid_from, n.props, ARRAY(SELECT jsonb_array_elements_text(n.event_ids)), @stream
            FROM unnest(@label, @id, @valid_from, @props, @event_ids) AS n(label, id, valid_from, props, event_ids)
            ON CONFLICT (label, id) DO UPDATE
               SET valid_from = EXCLUDED.valid_from, props = EXCLUDED.props, event_ids = EXCLUDED.event_ids, stream = EXCLUDED.stream
            """, connection);
        insert.Parameters.AddWithValue("stream", NpgsqlDbType.Text, (object?)stream ?? DBNull.Value);
        insert.Parameters.AddWithValue("label", nodes.Select(n => n.Label).ToArray());
        insert.Parameters.AddWithValue("id", nodes.Select(n => n.Id).ToArray());
        insert.Parameters.AddWithValue("valid_from", nodes.Select(n => n.ValidFrom).ToArray());
        insert.Parameters.AddWithValue("props", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, nodes.Select(n => n.Properties.ToJsonString()).ToArray());
        insert.Parameters.AddWithValue("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, nodes.Select(n => JsonSerializer.Serialize(n.EventIds)).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Inserts the relationships whose two ends exist; returns an error for each of the others.</summary>
    private static async Task<List<ProjectionError>> InsertEdgesAsync(NpgsqlConnection connection, IReadOnlyList<GraphEdge> edges, string? stream, CancellationToken ct)
    {
        if (edges.Count == 0)
        {
            return [];
        }
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO kg_graph.edges (type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props, event_ids, stream)
            SELECT e.type, e.from_label, e.from_id, e.to_label, e.to_id, e.key, e.valid_from, e.valid_to, e.props,
                   ARRAY(SELECT jsonb_array_elements_text(e.event_ids)), @stream
            FROM unnest(@type, @from_label, @from_id, @to_label, @to_id, @key, @valid_from, @valid_to, @props, @event_ids)
                 AS e(type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props, event_ids)
            WHERE EXISTS (SELECT 1 FROM kg_graph.nodes f WHERE f.label = e.from_label AND f.id = e.from_id)
              AND EXISTS (SELECT 1 FROM kg_graph.nodes t WHERE t.label = e.to_label AND t.id = e.to_id)
            ON CONFLICT (type, from_label, from_id, to_label, to_id, key, valid_from) DO UPDATE
               SET valid_to = EXCLUDED.valid_to, props = EXCLUDED.props, event_ids = EXCLUDED.event_ids, stream = EXCLUDED.stream
            RETURNING type, from_label, from_id, to_label, to_id, key, valid_from
            """, connection);
        insert.Parameters.AddWithValue("stream", NpgsqlDbType.Text, (object?)stream ?? DBNull.Value);
        insert.Parameters.AddWithValue("type", edges.Select(e => e.Type).ToArray());
        insert.Parameters.AddWithValue("from_label", edges.Select(e => e.FromLabel).ToArray());
        insert.Parameters.AddWithValue("from_id", edges.Select(e => e.FromId).ToArray());
        insert.Parameters.AddWithValue("to_label", edges.Select(e => e.ToLabel).ToArray());
        insert.Parameters.AddWithValue("to_id", edges.Select(e => e.ToId).ToArray());
        insert.Parameters.AddWithValue("key", edges.Select(e => e.Key).ToArray());
        insert.Parameters.AddWithValue("valid_from", edges.Select(e => e.ValidFrom).ToArray());
        insert.Parameters.AddWithValue("valid_to", NpgsqlDbType.Array | NpgsqlDbType.Date, edges.Select(e => e.ValidTo).ToArray());
        insert.Parameters.AddWithValue("props", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, edges.Select(e => e.Properties.ToJsonString()).ToArray());
        insert.Parameters.AddWithValue("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, edges.Select(e => JsonSerializer.Serialize(e.EventIds)).ToArray());
        var written = new HashSet<(string, string, string, string, string, string, DateOnly)>();
        await using (var reader = await insert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                written.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.GetFieldValue<DateOnly>(6)));
            }
        }
        return edges
            .Where(e => !written.Contains((e.Type, e.FromLabel, e.FromId, e.ToLabel, e.ToId, e.Key, e.ValidFrom)))
            .Select(e => new ProjectionError(0, e.EventIds.Count > 0 ? e.EventIds[0] : "",
                $"{e.Type} from {e.FromLabel} '{e.FromId}' to {e.ToLabel} '{e.ToId}' names a node that does not exist"))
            .ToList();
    }

    public Task<GraphStatus> StatusAsync(CancellationToken ct) => PostgresProvenance.StatusAsync(dataSource, ct);

    public Task<IReadOnlyList<string>> DumpAsync(CancellationToken ct) => PostgresDump.DumpAsync(dataSource, ct);

    internal static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the graph assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
