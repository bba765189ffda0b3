using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>The reads of the Neo4j graph, with the meaning of the PostgreSQL reader; the statements are in <see cref="Cypher"/>.</summary>
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
        return edges
            .OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.FromId, StringComparer.Ordinal).ThenBy(e => e.ToId, StringComparer.Ordinal)
            .ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.ValidFrom)
            .ToList();
    }

    public async Task<Page<GraphNode>> OrganizationsAsync(OrganizationFilter filter, DateOnly asOf, string? after, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var product = filter.Product;
        var needCodes = product is null ? null : Inputs.NeedCodes(Inputs.Products("filter.product", product)).ToArray();
        var result = await client.RunAsync(Cypher.Organizations, new JsonObject
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
        }, ct);
        // The statement aggregates, so it always answers one row: the total is known even when the page is empty.
        var row = result.Rows[0];
        var page = row["page"]!.AsArray().Select(p => Neo4jRows.ReadNode(Labels.Organization, p!.AsObject())).ToList();
        return new Page<GraphNode>(page.Take(first).ToList(), (int)row.Number("total"), page.Count > first);
    }

    public async Task<Page<GraphNode>> SearchAsync(string text, int skip, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = await client.RunAsync(Cypher.Search, new JsonObject
        {
            ["text"] = SearchRanking.Text(text),
            ["slug"] = SearchRanking.Slug(text),
            ["skip"] = skip,
            ["first"] = first,
        }, ct);
        // The statement aggregates, so it always answers one row: the total is known even when the page is empty.
        var row = result.Rows[0];
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

    /// <summary>Neo4j holds only the versions believed now (see <see cref="Neo4jBatch"/>): what changed between two points is refused.</summary>
    public Task<Page<GraphChange>> ChangesAsync(ChangeQuery query, int after, int first, CancellationToken ct) => throw IGraphReader.ChangesNotKept();

    /// <summary>Neo4j holds what is known now (see <see cref="Neo4jBatch"/>): an earlier knowledge point is refused, not guessed.</summary>
    public IGraphReader KnownAt(Knowledge knowledge) => knowledge?.IsAll != false ? this
        : throw new QueryInputException(knowledge.Sequence is null ? "knownAt" : "knownAtSequence",
            "the Neo4j graph holds what is known now; an earlier knowledge point is answered by the PostgreSQL graph store");

    /// <summary>Neo4j holds each node with its latest attributes in world time (see <see cref="Neo4jBatch"/>); relationships keep their dates.</summary>
    public IGraphReader AttributesAsOf(DateOnly asOf) => this;

    /// <summary>Neo4j holds what is known now: a request reads what it holds as it goes.</summary>
    public IGraphReader Pinned(long sequence) => this;

    public async Task<KnowledgePoint> KnowledgeAsync(Knowledge knowledge, CancellationToken ct)
    {
        KnownAt(knowledge);
        return new KnowledgePoint((await client.RunAsync(Cypher.ProjectedSequence, null, ct)).Rows[0].Number("projected"), null);
    }
}
