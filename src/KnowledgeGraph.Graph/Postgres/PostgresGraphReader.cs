using System.Data.Common;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;
using Npgsql;
using NpgsqlTypes;

namespace KnowledgeGraph.Graph.Postgres;

/// <summary>
/// The reads of the PostgreSQL graph; every statement is parameterized and written here, next to its adapter. Each reads
/// the graph's views, which keep the versions believed at the knowledge point set for its transaction, each node with
/// its attributes at the world date set for it (see schema.sql).
/// </summary>
public sealed partial class PostgresGraphReader(NpgsqlDataSource dataSource, Knowledge? known = null, DateOnly? attributesAsOf = null) : IGraphReader
{
    internal const string NodeColumns = "label, id, valid_from, props::text, event_ids";
    internal const string EdgeColumns = "type, from_label, from_id, to_label, to_id, key, valid_from, valid_to, props::text, event_ids";
    internal const string EventColumns = "event_id, seq, type, effective_date, stream, title, publisher, url, published_at, retracted_by";

    public Task<IReadOnlyList<GraphNode>> NodesAsync(string label, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        QueryAsync($"SELECT {NodeColumns} FROM kg_graph.nodes WHERE label = @label AND id = ANY(@ids) ORDER BY id", ReadNode, ct,
            P("label", label), P("ids", ids.ToArray()));

    public Task<IReadOnlyList<GraphNode>> AllNodesAsync(string label, CancellationToken ct) =>
        QueryAsync($"SELECT {NodeColumns} FROM kg_graph.nodes WHERE label = @label ORDER BY id", ReadNode, ct, P("label", label));

    public Task<IReadOnlyList<GraphEdge>> EdgesAsync(EdgeQuery query, CancellationToken ct) =>
        QueryAsync(
            $"""
            SELECT {EdgeColumns} FROM kg_graph.edges
            WHERE type = ANY(@types)
              AND (@from_ids::text[] IS NULL OR from_id = ANY(@from_ids))
              AND (@to_ids::text[] IS NULL OR to_id = ANY(@to_ids))
              AND (@as_of::date IS NULL OR (valid_from <= @as_of AND (valid_to IS NULL OR @as_of < valid_to)))
            ORDER BY type, from_id, to_id, key, valid_from
            """, ReadEdge, ct,
            P("types", query.Types.ToArray()), P("from_ids", query.FromIds?.ToArray()), P("to_ids", query.ToIds?.ToArray()), P("as_of", query.AsOf));

    public async Task<Page<GraphNode>> OrganizationsAsync(OrganizationFilter filter, DateOnly asOf, string? after, int first, CancellationToken ct)
    {
        var product = filter.Product;
        var needCodes = product is null ? null : Inputs.NeedCodes(Inputs.Products("filter.product", product)).ToArray();
        var rows = await QueryAsync(
            $"""
            WITH matching AS (
                SELECT n.* FROM kg_graph.nodes n
                WHERE n.label = 'Organization' AND n.valid_from <= @as_of
                  AND (@text::text IS NULL OR n.search LIKE '%' || @text || '%' ESCAPE '\')
                  AND (@stage::text IS NULL OR n.props->'stages' ? @stage)
                  AND (@countries::text[] IS NULL OR EXISTS (
                        SELECT 1 FROM kg_graph.edges b WHERE b.type = 'BASED_IN' AND b.from_id = n.id AND b.to_id = ANY(@countries)
                          AND b.valid_from <= @as_of AND (b.valid_to IS NULL OR @as_of < b.valid_to)))
                  AND (@bloc::text IS NULL OR EXISTS (
                        SELECT 1 FROM kg_graph.edges b JOIN kg_graph.edges m ON m.type = 'MEMBER_OF' AND m.from_id = b.to_id AND m.to_id = @bloc
                          AND m.valid_from <= @as_of AND (m.valid_to IS NULL OR @as_of < m.valid_to)
                        WHERE b.type = 'BASED_IN' AND b.from_id = n.id AND b.valid_from <= @as_of AND (b.valid_to IS NULL OR @as_of < b.valid_to)))
                  AND (@need_codes::text[] IS NULL OR EXISTS (
                        SELECT 1 FROM kg_graph.edges x WHERE x.from_id = n.id AND x.valid_from <= @as_of AND (x.valid_to IS NULL OR @as_of < x.valid_to)
                          AND ((x.type = 'NEEDS' AND x.to_id = ANY(@need_codes))
                            OR (x.type = 'SUPPLIES' AND x.props->>'status' = 'signed' AND (x.props->>'product' = @product OR x.props->>'category' = @product)))))
            ), page AS (
                SELECT * FROM matching WHERE @after::text IS NULL OR id > @after ORDER BY id LIMIT @limit
            )
            SELECT p.label, p.id, p.valid_from, p.props::text, p.event_ids, (SELECT count(*) FROM matching)
            FROM (SELECT 1) AS one LEFT JOIN page p ON true
            ORDER BY p.id
            """,
            reader => (Node: reader.IsDBNull(1) ? null : ReadNode(reader), Total: reader.GetInt64(5)), ct,
            P("as_of", asOf), P("text", filter.Text is null ? null : EscapeLike(filter.Text.ToLowerInvariant())), P("stage", filter.Stage),
            P("countries", filter.Countries?.ToArray()), P("bloc", filter.Bloc), P("need_codes", needCodes), P("product", product),
            P("after", after), P("limit", first + 1));
        var nodes = rows.Select(r => r.Node).OfType<GraphNode>().ToList();
        return new Page<GraphNode>(nodes.Take(first).ToList(), (int)rows[0].Total, nodes.Count > first);
    }

    public async Task<Page<GraphNode>> SearchAsync(string text, int skip, int first, CancellationToken ct)
    {
        var rows = await QueryAsync(
            $"""
            WITH matching AS (
                SELECT * FROM kg_graph.nodes
                WHERE label IN ('Organization', 'Facility', 'Policy') AND search LIKE '%' || @pattern || '%' ESCAPE '\'
            ), page AS (
                SELECT *, row_number() OVER (
                    ORDER BY (lower(coalesce(props->>'name', props->>'title')) = @text OR id = @slug) DESC, label <> 'Organization',
                             search LIKE @pattern || '%' ESCAPE '\' DESC, coalesce(props->>'name', props->>'title'), label, id) AS rank
                FROM matching ORDER BY rank OFFSET @skip LIMIT @first
            )
            SELECT p.label, p.id, p.valid_from, p.props::text, p.event_ids, (SELECT count(*) FROM matching)
            FROM (SELECT 1) AS one LEFT JOIN page p ON true
            ORDER BY p.rank
            """,
            reader => (Node: reader.IsDBNull(1) ? null : ReadNode(reader), Total: reader.GetInt64(5)), ct,
            P("pattern", EscapeLike(SearchRanking.Text(text))), P("text", SearchRanking.Text(text)), P("slug", SearchRanking.Slug(text)),
            P("skip", skip), P("first", first));
        var nodes = rows.Select(r => r.Node).OfType<GraphNode>().ToList();
        return new Page<GraphNode>(nodes, (int)rows[0].Total, skip + nodes.Count < rows[0].Total);
    }

    public Task<IReadOnlyList<ProvenanceEvent>> EventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct) =>
        QueryAsync($"SELECT {EventColumns} FROM kg_graph.events WHERE event_id = ANY(@ids) ORDER BY effective_date, seq", ReadEvent, ct,
            P("ids", eventIds.ToArray()));

    public Task<IReadOnlyList<ProvenanceEvent>> StreamEventsAsync(string stream, CancellationToken ct) =>
        QueryAsync($"SELECT {EventColumns} FROM kg_graph.events WHERE stream = @stream ORDER BY effective_date, seq", ReadEvent, ct,
            P("stream", stream));

    public IGraphReader KnownAt(Knowledge knowledge) => new PostgresGraphReader(dataSource, knowledge.IsAll ? null : knowledge, attributesAsOf);

    public IGraphReader AttributesAsOf(DateOnly asOf) => new PostgresGraphReader(dataSource, known, asOf);

    public IGraphReader Pinned(long sequence) => new PostgresGraphReader(dataSource, new Knowledge(sequence), attributesAsOf);

    public Task<KnowledgePoint> KnowledgeAsync(Knowledge knowledge, CancellationToken ct) => PointAsync(knowledge.IsAll && known is { } own ? own : knowledge, ct);

    private async Task<KnowledgePoint> PointAsync(Knowledge point, CancellationToken ct) =>
        (await QueryAsync(
            """
            WITH point AS (
                SELECT CASE WHEN @seq::bigint IS NOT NULL THEN @seq
                            WHEN @at::timestamptz IS NOT NULL THEN (SELECT coalesce(max(seq), 0) FROM kg_graph.event_records WHERE recorded_at <= @at)
                            ELSE (SELECT coalesce(max(last_seq), 0) FROM kg_graph.streams) END AS seq)
            SELECT point.seq, (SELECT max(recorded_at) FROM kg_graph.event_records e WHERE e.seq = point.seq) FROM point
            """,
            r => new KnowledgePoint(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetFieldValue<DateTimeOffset>(1)), ct,
            new NpgsqlParameter("seq", NpgsqlDbType.Bigint) { Value = (object?)point.Sequence ?? DBNull.Value },
            new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = (object?)point.At?.ToUniversalTime() ?? DBNull.Value }))[0];

    private static NpgsqlParameter P(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter P(string name, string[]? values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)values ?? DBNull.Value };

    private static NpgsqlParameter P(string name, DateOnly? value) => new(name, NpgsqlDbType.Date) { Value = (object?)value ?? DBNull.Value };

    /// <summary>A vocabulary's member as stored: its wire name.</summary>
    private static NpgsqlParameter P<T>(string name, T? value) where T : struct, Enum => P(name, value is { } v ? WireName.Of(v) : null);

    private static NpgsqlParameter P(string name, int value) => new(name, NpgsqlDbType.Integer) { Value = value };

    private static NpgsqlParameter P(string name, bool value) => new(name, NpgsqlDbType.Boolean) { Value = value };

    private static NpgsqlParameter P(string name, IEnumerable<string>? values) => P(name, values?.ToArray());

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>
    /// Runs the statement for this reader's knowledge point and world date of the attributes: a first statement of the
    /// same batch (one implicit transaction) sets them; the point from the sequence, or from the last event recorded at
    /// or before the instant.
    /// </summary>
    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken ct, params NpgsqlParameter[] parameters)
    {
        await using var batch = dataSource.CreateBatch();
        var scoped = known is not null || attributesAsOf is not null;
        if (scoped)
        {
            var point = known switch
            {
                null => "''",
                { Sequence: not null } => "@seq::text",
                _ => "(SELECT coalesce(max(seq), 0) FROM kg_graph.event_records WHERE recorded_at <= @at)::text",
            };
            var setting = new NpgsqlBatchCommand($"SELECT set_config('kg.known_at', {point}, true), set_config('kg.as_of', coalesce(@as_of::text, ''), true)");
            if (known is not null)
            {
                setting.Parameters.Add(known.Sequence is { } s
                    ? new NpgsqlParameter("seq", NpgsqlDbType.Bigint) { Value = s }
                    : new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = known.At!.Value.ToUniversalTime() });
            }
            setting.Parameters.Add(new NpgsqlParameter("as_of", NpgsqlDbType.Date) { Value = (object?)attributesAsOf ?? DBNull.Value });
            batch.BatchCommands.Add(setting);
        }
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
        var rows = new List<T>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (scoped)
        {
            await reader.NextResultAsync(ct);
        }
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    internal static GraphNode ReadNode(DbDataReader r) => ReadNode(r, 0);

    /// <summary>A node from the five columns of <see cref="NodeColumnsOf"/> starting at <paramref name="at"/>.</summary>
    private static GraphNode ReadNode(DbDataReader r, int at) => GraphJson.Node(
        r.GetString(at), r.GetString(at + 1), r.IsDBNull(at + 2) ? null : r.GetFieldValue<DateOnly>(at + 2),
        r.GetFieldValue<string[]>(at + 4), r.GetString(at + 3));

    internal static GraphEdge ReadEdge(DbDataReader r) => ReadEdge(r, 0);

    /// <summary>A relationship from the ten columns of <see cref="EdgeColumnsOf"/> starting at <paramref name="at"/>.</summary>
    private static GraphEdge ReadEdge(DbDataReader r, int at) => GraphJson.Edge(
        r.GetString(at), r.GetString(at + 1), r.GetString(at + 2), r.GetString(at + 3), r.GetString(at + 4), r.GetString(at + 5),
        r.GetFieldValue<DateOnly>(at + 6), r.IsDBNull(at + 7) ? null : r.GetFieldValue<DateOnly>(at + 7),
        r.GetFieldValue<string[]>(at + 9), r.GetString(at + 8));

    private static string NodeColumnsOf(string a) => $"{a}.label, {a}.id, {a}.valid_from, {a}.props::text, {a}.event_ids";

    private static string EdgeColumnsOf(string a) =>
        $"{a}.type, {a}.from_label, {a}.from_id, {a}.to_label, {a}.to_id, {a}.key, {a}.valid_from, {a}.valid_to, {a}.props::text, {a}.event_ids";

    /// <summary>The relationship (alias <paramref name="a"/>) holds at @as_of.</summary>
    private static string ValidAt(string a) => $"{a}.valid_from <= @as_of AND ({a}.valid_to IS NULL OR @as_of < {a}.valid_to)";

    internal static ProvenanceEvent ReadEvent(DbDataReader r) => new(
        r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetFieldValue<DateOnly>(3),
        new Source(r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8)),
        r.GetString(4), r.IsDBNull(9) ? null : r.GetString(9));
}
