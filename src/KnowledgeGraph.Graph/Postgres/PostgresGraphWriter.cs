using System.Reflection;
using System.Text.Json;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Npgsql;
using NpgsqlTypes;
using Polly;
using Polly.Retry;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>Writes the graph into the <c>kg_graph</c> schema, one transaction per batch of streams.</summary>
public sealed class PostgresGraphWriter(NpgsqlDataSource dataSource) : IGraphWriter
{
    private static readonly string Schema = ReadResource("schema.sql");
    private static readonly string ReadIndexes = ReadResource("read-indexes.sql");

    public Task EnsureSchemaAsync(CancellationToken ct) => EnsureSchemaAsync(withReadIndexes: true, ct);

    private async Task EnsureSchemaAsync(bool withReadIndexes, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Serializes concurrent start-ups (API nodes, CLI) creating the same tables.
        await Execute(connection, "SELECT pg_advisory_xact_lock(4242001)", ct);
        await Execute(connection, withReadIndexes ? Schema + ReadIndexes : Schema, ct);
        await InsertNodesAsync(connection, StaticGraph.Nodes, [.. StaticGraph.Nodes.Select(_ => (string?)null)], ct);
        await InsertEdgesAsync(connection, StaticGraph.Edges, [.. StaticGraph.Edges.Select(_ => (string?)null)], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Empty again, without the indexes only reads use: the bulk load that follows creates them at its end.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await Execute(connection, "DROP SCHEMA IF EXISTS kg_graph CASCADE", ct);
        }
        await EnsureSchemaAsync(withReadIndexes: false, ct);
    }

    /// <summary>
    /// The read indexes, built once over the loaded rows. Then statistics: without them the planner takes the freshly
    /// written tables for empty and picks nested loops that take minutes on a large graph; autovacuum would analyze
    /// them only later.
    /// </summary>
    public async Task AfterBulkLoadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, ReadIndexes, ct);
        await Execute(connection, "ANALYZE kg_graph.node_versions, kg_graph.edge_versions, kg_graph.event_records, kg_graph.streams", ct);
    }

    public async Task WriteAsync(IReadOnlyList<StreamGraph> streams, CancellationToken ct)
    {
        try
        {
            await Retry.ExecuteAsync(async token => await WriteOnceAsync(streams, token), ct);
        }
        catch (PostgresException e) when (!e.IsTransient)
        {
            throw new GraphStoreRefusedException(e.MessageText, e);
        }
    }

    /// <summary>A connection lost, a deadlock, a server shutting down: tried again, waiting longer each time.</summary>
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient),
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
        })
        .Build();

    /// <summary>A few statements for the whole batch, whatever the number of streams it touches.</summary>
    private async Task WriteOnceAsync(IReadOnlyList<StreamGraph> streams, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var claimed = await ClaimAsync(connection, streams, ct);
        var fresh = streams.Where(s => claimed.Contains(s.Stream)).OrderBy(s => s.Sequence).ToList();
        if (fresh.Count > 0)
        {
            await using (var clear = new NpgsqlCommand(
                "DELETE FROM kg_graph.node_versions WHERE stream = ANY(@s); DELETE FROM kg_graph.edge_versions WHERE stream = ANY(@s); DELETE FROM kg_graph.errors WHERE stream = ANY(@s)", connection))
            {
                clear.Parameters.AddWithValue("s", fresh.Select(s => s.Stream).ToArray());
                await clear.ExecuteNonQueryAsync(ct);
            }
            // Two streams naming the same node or relationship: the later one wins, as it would written one after the other.
            var nodes = Latest(fresh, s => s.Nodes, n => (n.Label, n.Id, n.AttributesFrom, n.RecordedFrom));
            await InsertNodesAsync(connection, nodes.Select(n => n.Item).ToList(), nodes.Select(n => (string?)n.Stream).ToList(), ct);
            var edges = Latest(fresh, s => s.Edges, e => (e.Type, e.FromLabel, e.FromId, e.ToLabel, e.ToId, e.Key, e.ValidFrom, e.RecordedFrom));
            var missing = await InsertEdgesAsync(connection, edges.Select(e => e.Item).ToList(), edges.Select(e => (string?)e.Stream).ToList(), ct);
            var byStream = fresh.ToDictionary(s => s.Stream, StringComparer.Ordinal);
            var errors = fresh.SelectMany(s => s.Errors.Select(e => (s.Stream, Error: e))).ToList();
            errors.AddRange(missing.Select(m => (m.Stream!, m.Error with
            {
                Sequence = byStream[m.Stream!].Events.FirstOrDefault(e => e.EventId == m.Error.EventId)?.Sequence ?? byStream[m.Stream!].Sequence,
            })));
            await PostgresProvenance.WriteAsync(connection, fresh.SelectMany(s => s.Events).ToList(), errors, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static List<(T Item, string Stream)> Latest<T, TKey>(List<StreamGraph> streams, Func<StreamGraph, IEnumerable<T>> items, Func<T, TKey> key)
        where TKey : notnull
    {
        var latest = new Dictionary<TKey, (T Item, string Stream)>();
        foreach (var stream in streams)
        {
            foreach (var item in items(stream))
            {
                latest[key(item)] = (item, stream.Stream);
            }
        }
        return [.. latest.Values];
    }

    /// <summary>Records that each stream is projected up to its sequence; returns those that were not already, at that or a later one.</summary>
    private static async Task<HashSet<string>> ClaimAsync(NpgsqlConnection connection, IReadOnlyList<StreamGraph> streams, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(
            """
            INSERT INTO kg_graph.streams (stream, last_seq) SELECT * FROM unnest(@stream, @seq)
            ON CONFLICT (stream) DO UPDATE SET last_seq = EXCLUDED.last_seq WHERE kg_graph.streams.last_seq < EXCLUDED.last_seq
            RETURNING stream
            """, connection);
        claim.Parameters.AddWithValue("stream", streams.Select(s => s.Stream).ToArray());
        claim.Parameters.AddWithValue("seq", streams.Select(s => s.Sequence).ToArray());
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await claim.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(reader.GetString(0));
        }
        return claimed;
    }

    private static async Task InsertNodesAsync(NpgsqlConnection connection, IReadOnlyList<GraphNode> nodes, List<string?> streams, CancellationToken ct)
    {
        if (nodes.Count == 0)
        {
            return;
        }
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO kg_graph.node_versions (label, id, valid_from, attrs_from, attrs_to, props, event_ids, stream, recorded_from, recorded_to)
            SELECT n.label, n.id, n.valid_from, coalesce(n.attrs_from, '-infinity'), n.attrs_to, n.props, ARRAY(SELECT jsonb_array_elements_text(n.event_ids)),
                   n.stream, n.recorded_from, n.recorded_to
            FROM unnest(@label, @id, @valid_from, @attrs_from, @attrs_to, @props, @event_ids, @stream, @recorded_from, @recorded_to)
                 AS n(label, id, valid_from, attrs_from, attrs_to, props, event_ids, stream, recorded_from, recorded_to)
            ON CONFLICT (label, id, attrs_from, recorded_from) DO UPDATE
               SET valid_from = EXCLUDED.valid_from, attrs_to = EXCLUDED.attrs_to, props = EXCLUDED.props, event_ids = EXCLUDED.event_ids,
                   stream = EXCLUDED.stream, recorded_to = EXCLUDED.recorded_to
            """, connection);
        insert.Parameters.AddWithValue("stream", NpgsqlDbType.Array | NpgsqlDbType.Text, streams.ToArray());
        insert.Parameters.AddWithValue("label", nodes.Select(n => n.Label).ToArray());
        insert.Parameters.AddWithValue("id", nodes.Select(n => n.Id).ToArray());
        insert.Parameters.AddWithValue("valid_from", nodes.Select(n => n.ValidFrom).ToArray());
        insert.Parameters.AddWithValue("attrs_from", NpgsqlDbType.Array | NpgsqlDbType.Date, nodes.Select(n => n.AttributesFrom).ToArray());
        insert.Parameters.AddWithValue("attrs_to", NpgsqlDbType.Array | NpgsqlDbType.Date, nodes.Select(n => n.AttributesTo).ToArray());
        insert.Parameters.AddWithValue("props", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, nodes.Select(n => GraphJson.Of(n).ToJsonString()).ToArray());
        insert.Parameters.AddWithValue("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, nodes.Select(n => JsonSerializer.Serialize(n.EventIds)).ToArray());
        insert.Parameters.AddWithValue("recorded_from", nodes.Select(n => n.RecordedFrom).ToArray());
        insert.Parameters.AddWithValue("recorded_to", NpgsqlDbType.Array | NpgsqlDbType.Bigint, nodes.Select(n => n.RecordedTo).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Inserts the relationships whose two ends exist; returns an error, with its stream, for each of the others. Each
    /// end is one primary-key probe: OFFSET 0 keeps the planner from turning the checks into a join that hashes every
    /// node of the graph at every batch, which makes a rebuild grow with the square of the graph.
    /// </summary>
    private static async Task<List<(string? Stream, ProjectionError Error)>> InsertEdgesAsync(
        NpgsqlConnection connection, IReadOnlyList<GraphEdge> edges, List<string?> streams, CancellationToken ct)
    {
        if (edges.Count == 0)
        {
            return [];
        }
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO kg_graph.edge_versions (type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props, event_ids, stream,
                                                recorded_from, recorded_to)
            SELECT e.type, e.from_label, e.from_id, e.to_label, e.to_id, e.key, e.valid_from, e.valid_to, e.props,
                   ARRAY(SELECT jsonb_array_elements_text(e.event_ids)), e.stream, e.recorded_from, e.recorded_to
            FROM unnest(@type, @from_label, @from_id, @to_label, @to_id, @key, @valid_from, @valid_to, @props, @event_ids, @stream, @recorded_from, @recorded_to)
                 AS e(type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props, event_ids, stream, recorded_from, recorded_to)
            WHERE EXISTS (SELECT 1 FROM kg_graph.node_versions f WHERE f.label = e.from_label AND f.id = e.from_id OFFSET 0)
              AND EXISTS (SELECT 1 FROM kg_graph.node_versions t WHERE t.label = e.to_label AND t.id = e.to_id OFFSET 0)
            ON CONFLICT (type, from_label, from_id, to_label, to_id, key, valid_from, recorded_from) DO UPDATE
               SET valid_to = EXCLUDED.valid_to, props = EXCLUDED.props, event_ids = EXCLUDED.event_ids, stream = EXCLUDED.stream,
                   recorded_to = EXCLUDED.recorded_to
            RETURNING type, from_label, from_id, to_label, to_id, key, valid_from, recorded_from
            """, connection);
        insert.Parameters.AddWithValue("stream", NpgsqlDbType.Array | NpgsqlDbType.Text, streams.ToArray());
        insert.Parameters.AddWithValue("type", edges.Select(e => e.Type).ToArray());
        insert.Parameters.AddWithValue("from_label", edges.Select(e => e.FromLabel).ToArray());
        insert.Parameters.AddWithValue("from_id", edges.Select(e => e.FromId).ToArray());
        insert.Parameters.AddWithValue("to_label", edges.Select(e => e.ToLabel).ToArray());
        insert.Parameters.AddWithValue("to_id", edges.Select(e => e.ToId).ToArray());
        insert.Parameters.AddWithValue("key", edges.Select(e => e.Key).ToArray());
        insert.Parameters.AddWithValue("valid_from", edges.Select(e => e.ValidFrom).ToArray());
        insert.Parameters.AddWithValue("valid_to", NpgsqlDbType.Array | NpgsqlDbType.Date, edges.Select(e => e.ValidTo).ToArray());
        insert.Parameters.AddWithValue("props", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, edges.Select(e => GraphJson.Of(e).ToJsonString()).ToArray());
        insert.Parameters.AddWithValue("event_ids", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, edges.Select(e => JsonSerializer.Serialize(e.EventIds)).ToArray());
        insert.Parameters.AddWithValue("recorded_from", edges.Select(e => e.RecordedFrom).ToArray());
        insert.Parameters.AddWithValue("recorded_to", NpgsqlDbType.Array | NpgsqlDbType.Bigint, edges.Select(e => e.RecordedTo).ToArray());
        var written = new HashSet<(string, string, string, string, string, string, DateOnly, long)>();
        await using (var reader = await insert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                written.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetString(5), reader.GetFieldValue<DateOnly>(6), reader.GetInt64(7)));
            }
        }
        return edges.Select((e, i) => (Edge: e, Stream: streams[i]))
            .Where(x => !written.Contains((x.Edge.Type, x.Edge.FromLabel, x.Edge.FromId, x.Edge.ToLabel, x.Edge.ToId, x.Edge.Key, x.Edge.ValidFrom, x.Edge.RecordedFrom)))
            .Select(x => (x.Stream, new ProjectionError(0, x.Edge.EventIds.Count > 0 ? x.Edge.EventIds[0] : "",
                $"{x.Edge.Type} from {x.Edge.FromLabel} '{x.Edge.FromId}' to {x.Edge.ToLabel} '{x.Edge.ToId}' names a node that does not exist")))
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
