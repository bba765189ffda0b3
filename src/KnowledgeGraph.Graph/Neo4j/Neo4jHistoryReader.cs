using System.Text.Json.Nodes;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// The simple reads of the port from the history (<c>:NodeVersion</c>, <c>:EdgeVersion</c>) at a knowledge point (a
/// resolved sequence; null for every stored event) with each node's attributes at a world date (the latest when null),
/// with the PostgreSQL reader's filters. Its questions are the port's composed defaults, built on these reads; it is
/// reached through a <see cref="Neo4jViewReader"/>, which keeps the native statements for what the live graph answers.
/// </summary>
public sealed class Neo4jHistoryReader(Neo4jQueryClient client, Neo4jViewReader owner, long? known, DateOnly? attributesAsOf) : IGraphReader
{
    public long? Known => known;

    public DateOnly? AttributesAsOfDate => attributesAsOf;

    public async Task<IReadOnlyList<GraphNode>> NodesAsync(string label, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (!CypherSlots.IsLabel(label) || ids.Count == 0)
        {
            return [];
        }
        return await ReadNodesAsync(Cypher.VersionNodesById, View(new JsonObject { ["label"] = label, ["ids"] = Neo4jRows.Strings(ids) }), ct);
    }

    public async Task<IReadOnlyList<GraphNode>> AllNodesAsync(string label, CancellationToken ct) =>
        CypherSlots.IsLabel(label) ? await ReadNodesAsync(Cypher.VersionAllNodes, View(new JsonObject { ["label"] = label }), ct) : [];

    public async Task<IReadOnlyList<GraphEdge>> EdgesAsync(EdgeQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = await client.RunAsync(Cypher.VersionEdges, View(new JsonObject
        {
            ["types"] = Neo4jRows.Strings(query.Types.Distinct(StringComparer.Ordinal).Where(CypherSlots.IsRelationshipType)),
            ["fromIds"] = query.FromIds is null ? null : Neo4jRows.Strings(query.FromIds),
            ["toIds"] = query.ToIds is null ? null : Neo4jRows.Strings(query.ToIds),
            ["asOf"] = Neo4jRows.Date(query.AsOf),
        }), ct);
        return Neo4jGraphReader.InEdgeOrder(result.Rows.Select(r => Neo4jRows.ReadRelationship(r.Map("props"))));
    }

    public async Task<Page<GraphNode>> OrganizationsAsync(OrganizationFilter filter, DateOnly asOf, string? after, int first, CancellationToken ct)
    {
        var result = await client.RunAsync(Cypher.VersionOrganizations, View(Neo4jGraphReader.OrganizationParameters(filter, asOf, after, first)), ct);
        return Neo4jGraphReader.OrganizationPage(result.Rows[0], first);
    }

    public async Task<Page<GraphNode>> SearchAsync(string text, int skip, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = await client.RunAsync(Cypher.VersionSearch, View(Neo4jGraphReader.SearchParameters(text, skip, first)), ct);
        return Neo4jGraphReader.SearchPage(result.Rows[0], skip);
    }

    public async Task<IReadOnlyList<ProvenanceEvent>> EventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        return await ReadEventsAsync(Cypher.EventsById, Cypher.VersionEventsById, new JsonObject { ["ids"] = Neo4jRows.Strings(eventIds) }, ct);
    }

    public Task<IReadOnlyList<ProvenanceEvent>> StreamEventsAsync(string stream, CancellationToken ct) =>
        ReadEventsAsync(Cypher.StreamEvents, Cypher.VersionStreamEvents, new JsonObject { ["stream"] = stream }, ct);

    public IGraphReader KnownAt(Knowledge knowledge) => owner.KnownAt(knowledge);

    public IGraphReader AttributesAsOf(DateOnly asOf) => owner.AttributesAsOf(asOf);

    public IGraphReader Pinned(long sequence) => owner.Pinned(sequence);

    public Task<KnowledgePoint> KnowledgeAsync(Knowledge knowledge, CancellationToken ct) => owner.KnowledgeAsync(knowledge, ct);

    /// <summary>The parameters with this reader's knowledge point and date of the attributes.</summary>
    private JsonObject View(JsonObject parameters)
    {
        parameters["known"] = known;
        parameters["attributesAsOf"] = Neo4jRows.Date(attributesAsOf);
        return parameters;
    }

    private async Task<IReadOnlyList<GraphNode>> ReadNodesAsync(string statement, JsonObject parameters, CancellationToken ct) =>
        (await client.RunAsync(statement, parameters, ct)).Rows.Select(r => Neo4jRows.ReadNode(r.Map("props"))).ToList();

    /// <summary>Every event when the point is the latest; else those stored by it, each retraction only if recorded by then.</summary>
    private async Task<IReadOnlyList<ProvenanceEvent>> ReadEventsAsync(string latest, string atPoint, JsonObject parameters, CancellationToken ct)
    {
        if (known is not { } point)
        {
            return (await client.RunAsync(latest, parameters, ct)).Rows.Select(r => Neo4jRows.ReadEvent(r.Map("props"))).ToList();
        }
        parameters["known"] = point;
        return (await client.RunAsync(atPoint, parameters, ct)).Rows.Select(r => Neo4jRows.ReadEvent(r.Map("props"), point)).ToList();
    }
}
