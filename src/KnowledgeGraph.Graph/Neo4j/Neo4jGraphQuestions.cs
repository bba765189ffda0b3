using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>Node lookup, neighbours, paths, capacity and the lists by filter, each one statement of <see cref="Cypher"/>.</summary>
public sealed partial class Neo4jGraphReader
{
    public async Task<GraphNode?> NodeAsync(string id, CancellationToken ct)
    {
        var result = await client.RunAsync(Cypher.NodeById, new JsonObject { ["id"] = id }, ct);
        return result.Rows is [var row, ..] ? Neo4jMaps.Node(row["node"]) : null;
    }

    /// <summary>The node, then its neighbours: two statements, the page cut here.</summary>
    public async Task<Page<Neighbour>?> NeighboursAsync(string id, IReadOnlyCollection<string> types, bool outgoing, bool incoming,
        DateOnly asOf, int skip, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (await NodeAsync(id, ct) is not { } node)
        {
            return null;
        }
        if (!CypherSlots.IsLabel(node.Label))
        {
            return new Page<Neighbour>([], 0, false);
        }
        var result = await client.RunAsync(CypherSlots.BindLabel(Cypher.Neighbours, node.Label), new JsonObject
        {
            ["id"] = node.Id,
            ["types"] = Neo4jRows.Strings(types),
            ["outgoing"] = outgoing,
            ["incoming"] = incoming,
            ["asOf"] = Neo4jRows.Date(asOf),
        }, ct);
        return Pages.Of(result.Rows.Select(r => new Neighbour(Neo4jMaps.Edge(r["edge"]), Neo4jMaps.Node(r["node"]))).ToList(), skip, first);
    }

    public async Task<PathAnswer> ShortestPathAsync(string fromId, string toId, IReadOnlyCollection<string> types, int maxHops, DateOnly asOf,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(types);
        var row = (await client.RunAsync(Cypher.ShortestPath, new JsonObject
        {
            ["from"] = fromId,
            ["to"] = toId,
            ["types"] = Neo4jRows.Strings(types),
            ["maxHops"] = maxHops,
            ["asOf"] = Neo4jRows.Date(asOf),
        }, ct)).Rows[0];
        GraphNode? End(string field) => row[field] is { } map ? Neo4jMaps.Node(map) : null;
        return new PathAnswer(End("fromNode"), End("toNode"),
            (row["nodes"] as JsonArray)?.Select(Neo4jMaps.Node).ToList(), (row["edges"] as JsonArray)?.Select(Neo4jMaps.Edge).ToList());
    }

    /// <summary>The capacities are summed here, as decimals: Neo4j would add them as floating-point numbers.</summary>
    public async Task<IReadOnlyList<CountryCapacity>> StageCapacityAsync(Stage stage, DateOnly asOf, CancellationToken ct)
    {
        var result = await client.RunAsync(Cypher.StageCapacity, new JsonObject { ["stage"] = WireName.Of(stage), ["asOf"] = Neo4jRows.Date(asOf) }, ct);
        return result.Rows.Select(r =>
        {
            var capacities = r["capacities"]!.AsArray();
            var withCapacity = capacities.Count;
            return new CountryCapacity(r.Text("country"), capacities.Sum(Neo4jMaps.Decimal), withCapacity, (int)r.Number("operating") - withCapacity);
        }).ToList();
    }

    public Task<Page<GraphNode>> DealsAsync(DealFilter filter, string? after, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PageAsync(Cypher.Deals, Labels.Deal, first, new JsonObject
        {
            ["asOf"] = Neo4jRows.Date(filter.AsOf),
            ["kind"] = Wire(filter.Kind),
            ["party"] = filter.Party,
            ["country"] = filter.Country,
            ["codes"] = filter.ProductCodes is null ? null : Neo4jRows.Strings(filter.ProductCodes),
            ["from"] = Neo4jRows.Date(filter.From),
            ["to"] = Neo4jRows.Date(filter.To),
            ["after"] = after,
        }, ct);
    }

    public Task<Page<GraphNode>> FacilitiesAsync(FacilityFilter filter, string? after, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PageAsync(Cypher.Facilities, Labels.Facility, first, new JsonObject
        {
            ["asOf"] = Neo4jRows.Date(filter.AsOf),
            ["country"] = filter.Country,
            ["stage"] = Wire(filter.Stage),
            ["operator"] = filter.OperatorId,
            ["status"] = Wire(filter.Status),
            ["after"] = after,
        }, ct);
    }

    public Task<Page<GraphNode>> PoliciesAsync(PolicyFilter filter, string? after, int first, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PageAsync(Cypher.Policies, Labels.Policy, first, new JsonObject
        {
            ["asOf"] = Neo4jRows.Date(filter.AsOf),
            ["jurisdiction"] = filter.Jurisdiction,
            ["kind"] = Wire(filter.Kind),
            ["status"] = Wire(filter.Status),
            ["product"] = filter.Product,
            ["beneficiary"] = filter.Beneficiary,
            ["after"] = after,
        }, ct);
    }

    private static string? Wire<T>(T? value) where T : struct, Enum => value is { } v ? WireName.Of(v) : null;

    /// <summary>
    /// A page of a statement that answers one row: the total, and the matching nodes after the cursor up to one more than
    /// the page (to know whether another follows).
    /// </summary>
    private async Task<Page<GraphNode>> PageAsync(string statement, string label, int first, JsonObject parameters, CancellationToken ct)
    {
        parameters["limit"] = first + 1;
        var row = (await client.RunAsync(statement, parameters, ct)).Rows[0];
        var page = row["page"]!.AsArray().Select(p => Neo4jRows.ReadNode(label, p!.AsObject())).ToList();
        return new Page<GraphNode>(page.Take(first).ToList(), (int)row.Number("total"), page.Count > first);
    }
}
