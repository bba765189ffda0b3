using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The reads of the Neo4j graph, with the meaning of the PostgreSQL reader; the statements are in <see cref="Cypher"/>.
/// This reader answers for the default view (every stored event, each node's latest attributes) from the live graph;
/// <see cref="KnownAt"/>, <see cref="AttributesAsOf"/> and <see cref="Pinned"/> give a <see cref="Neo4jViewReader"/>,
/// which answers from the live graph too when it holds the same answer, and from the history otherwise.
/// </summary>
public sealed partial class Neo4jGraphReader(Neo4jQueryClient client) : IGraphReader
{
    public async Task<IReadOnlyList<GraphNode>> NodesAsync(string label, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (!CypherSlots.IsLabel(label) || ids.Count == 0)
        {
            return [];
        }
        var result = await client.RunAsync(CypherSlots.BindLabel(Cypher.NodesById, label), new JsonObject { ["ids"] = Neo4jRows.Strings(ids) }, ct);
        return result.Rows.Select(r => Neo4jRows.ReadNode(label, r.Map("props"))).ToList();
    }

    public async Task<IReadOnlyList<GraphNode>> AllNodesAsync(string label, CancellationToken ct)
    {
        if (!CypherSlots.IsLabel(label))
        {
            return [];
        }
        var result = await client.RunAsync(CypherSlots.BindLabel(Cypher.AllNodes, label), null, ct);
        return result.Rows.Select(r => Neo4jRows.ReadNode(label, r.Map("props"))).ToList();
    }

    /// <summary>One statement per relationship type asked for (types cannot be parameters), merged in the PostgreSQL reader's order.</summary>
    public async Task<IReadOnlyList<GraphEdge>> EdgesAsync(EdgeQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var edges = new List<GraphEdge>();
        foreach (var type in query.Types.Distinct(StringComparer.Ordinal).Where(CypherSlots.IsRelationshipType))
        {
            var result = await client.RunAsync(CypherSlots.BindType(Cypher.RelationshipsOfType, type), new JsonObject
            {
                ["fromIds"] = query.FromIds is null ? null : Neo4jRows.Strings(query.FromIds),
                ["toIds"] = query.ToIds is null ? null : Neo4jRows.Strings(query.ToIds),
                ["asOf"] = Neo4jRows.Date(query.AsOf),
            }, ct);
            edges.AddRange(result.Rows.Select(r => Neo4jRows.ReadRelationship(
                type, r.Text("fromLabel"), r.Text("fromId"), r.Text("toLabel"), r.Text("toId"), r.Map("props"))));
        }
        return InEdgeOrder(edges);
    }

    /// <summary>The PostgreSQL reader's order of relationships: type, from, to, key, valid from.</summary>
    internal static IReadOnlyList<GraphEdge> InEdgeOrder(IEnumerable<GraphEdge> edges) => edges
        .OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.FromId, StringComparer.Ordinal).ThenBy(e => e.ToId, StringComparer.Ordinal)
        .ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.ValidFrom)
        .ToList();

    public async Task<Page<GraphNode>> OrganizationsAsync(OrganizationFilter filter, DateOnly asOf, string? after, int first, CancellationToken ct)
    {
        var result = await client.RunAsync(Cypher.Organizations, OrganizationParameters(filter, asOf, after, first), ct);
        return OrganizationPage(result.Rows[0], first);
    }

    /// <summary>The parameters of the organizations statements, live and historical: each filter null when not asked.</summary>
    internal static JsonObject OrganizationParameters(OrganizationFilter filter, DateOnly asOf, string? after, int first)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var product = filter.Product;
        var needCodes = product is null ? null : Inputs.NeedCodes(Inputs.Products("filter.product", product)).ToArray();
        return new JsonObject
        {
            ["asOf"] = Neo4jRows.Date(asOf),
            ["text"] = filter.Text?.ToLowerInvariant(),
            ["stage"] = filter.Stage is { } stage ? WireName.Of(stage) : null,
            ["countries"] = filter.Countries is null ? null : Neo4jRows.Strings(filter.Countries),
            ["bloc"] = filter.Bloc,
            ["needCodes"] = needCodes is null ? null : Neo4jRows.Strings(needCodes),
            ["product"] = product,
            ["after"] = after,
            ["limit"] = first + 1,
        };
    }

    /// <summary>The statement aggregates, so it always answers one row: the total is known even when the page is empty.</summary>
    internal static Page<GraphNode> OrganizationPage(Neo4jRow row, int first)
    {
        var page = row["page"]!.AsArray().Select(p => Neo4jRows.ReadNode(Labels.Organization, p!.AsObject())).ToList();
        return new Page<GraphNode>(page.Take(first).ToList(), (int)row.Number("total"), page.Count > first);
    }

    public async Task<Page<GraphNode>> SearchAsync(string text, int skip, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = await client.RunAsync(Cypher.Search, SearchParameters(text, skip, first), ct);
        return SearchPage(result.Rows[0], skip);
    }

    internal static JsonObject SearchParameters(string text, int skip, int first) => new()
    {
        ["text"] = SearchRanking.Text(text),
        ["slug"] = SearchRanking.Slug(text),
        ["skip"] = skip,
        ["first"] = first,
    };

    /// <summary>The statement aggregates, so it always answers one row: the total is known even when the page is empty.</summary>
    internal static Page<GraphNode> SearchPage(Neo4jRow row, int skip)
    {
        var page = row["page"]!.AsArray().Select(m => Neo4jRows.ReadNode(m!["label"]!.GetValue<string>(), m["props"]!.AsObject())).ToList();
        var total = (int)row.Number("total");
        return new Page<GraphNode>(page, total, skip + page.Count < total);
    }

    public async Task<IReadOnlyList<ProvenanceEvent>> EventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var result = await client.RunAsync(Cypher.EventsById, new JsonObject { ["ids"] = Neo4jRows.Strings(eventIds) }, ct);
        return result.Rows.Select(r => Neo4jRows.ReadEvent(r.Map("props"))).ToList();
    }

    public async Task<IReadOnlyList<ProvenanceEvent>> StreamEventsAsync(string stream, CancellationToken ct)
    {
        var result = await client.RunAsync(Cypher.StreamEvents, new JsonObject { ["stream"] = stream }, ct);
        return result.Rows.Select(r => Neo4jRows.ReadEvent(r.Map("props"))).ToList();
    }

    /// <summary>Not composed from the history yet: what changed between two points is answered by the PostgreSQL graph store.</summary>
    public Task<Page<GraphChange>> ChangesAsync(ChangeQuery query, int after, int first, CancellationToken ct) => throw IGraphReader.ChangesNotKept();

    public IGraphReader KnownAt(Knowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return knowledge.IsAll ? this : ViewOf(new Neo4jView(knowledge, null));
    }

    public IGraphReader AttributesAsOf(DateOnly asOf) => ViewOf(new Neo4jView(Knowledge.All, asOf));

    /// <summary>A request pinned to the point the graph held when it began reads there, from the history once the projection has gone further.</summary>
    public IGraphReader Pinned(long sequence) => ViewOf(new Neo4jView(new Knowledge(sequence), null));

    public Task<KnowledgePoint> KnowledgeAsync(Knowledge knowledge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return PointAsync(client, knowledge, ct);
    }

    /// <summary>The reader of the view: this one for the default view, else one that picks the live graph or the history.</summary>
    internal IGraphReader ViewOf(Neo4jView view) => view.Known.IsAll && view.AttributesAsOf is null ? this : new Neo4jViewReader(client, this, view);

    /// <summary>As PostgreSQL resolves it: the sequence given, else the last event recorded at or before the instant, else the last projected.</summary>
    internal static async Task<KnowledgePoint> PointAsync(Neo4jQueryClient client, Knowledge knowledge, CancellationToken ct)
    {
        var clock = await Neo4jClock.ReadAsync(client, knowledge, ct);
        return new KnowledgePoint(clock.Point, clock.RecordedAt);
    }
}
