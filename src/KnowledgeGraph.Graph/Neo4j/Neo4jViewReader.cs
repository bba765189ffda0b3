using System.Globalization;
using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>What a reader answers for: the knowledge (every stored event by default) and the world date of the nodes' attributes (the latest when null).</summary>
public sealed record Neo4jView(Knowledge Known, DateOnly? AttributesAsOf);

/// <summary>
/// Where the graph stands, read by <see cref="Cypher.KnowledgeClock"/>: the knowledge point a view names, the instant
/// its event was recorded, the last projected sequence, and the last date from which a believed node's attributes hold.
/// </summary>
public sealed record Neo4jClock(long Point, DateTimeOffset? RecordedAt, long Projected, DateOnly? LastAttributeChange)
{
    /// <summary>
    /// The live graph answers the view when the point is the latest (what the live graph holds is what is believed at
    /// it) and every node's latest attributes already hold at the view's date; otherwise the history does.
    /// </summary>
    public bool AnswersLive(Neo4jView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Point >= Projected && (view.AttributesAsOf is not { } date || LastAttributeChange is not { } change || date >= change);
    }

    public static async Task<Neo4jClock> ReadAsync(Neo4jQueryClient client, Knowledge knowledge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(knowledge);
        var row = (await client.RunAsync(Cypher.KnowledgeClock, new JsonObject
        {
            ["seq"] = knowledge.Sequence,
            ["at"] = knowledge.At is { } at ? Neo4jRows.Instant(at) : null,
        }, ct)).Rows[0];
        return new Neo4jClock(row.Number("point"), row["recordedAt"] is { } recorded ? Neo4jRows.ReadInstant(recorded.GetValue<string>()) : null,
            row.Number("projected"),
            row["lastAttributeChange"] is { } change ? DateOnly.ParseExact(change.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null);
    }
}

/// <summary>
/// The Neo4j graph read for a view other than the default: each request reads the clock once (one statement of a few
/// index reads, kept for the reader's life, which is a request's), then answers every read and question either from the
/// live graph with the native statements (the fast path, see <see cref="Neo4jClock.AnswersLive"/>) or from the history
/// through <see cref="Neo4jHistoryReader"/>, whose questions are the port's composed defaults.
/// </summary>
public sealed class Neo4jViewReader(Neo4jQueryClient client, Neo4jGraphReader live, Neo4jView view) : IGraphReader
{
    private IGraphReader? _picked;

    public Neo4jView View => view;

    /// <summary>The reader this view is answered by; read once, a race only reads the clock twice.</summary>
    internal async Task<IGraphReader> PickAsync(CancellationToken ct)
    {
        if (_picked is { } picked)
        {
            return picked;
        }
        var clock = await Neo4jClock.ReadAsync(client, view.Known, ct);
        return _picked = clock.AnswersLive(view) ? live
            : new Neo4jHistoryReader(client, this, view.Known.IsAll ? null : clock.Point, view.AttributesAsOf);
    }

    public async Task<IReadOnlyList<GraphNode>> NodesAsync(string label, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        await (await PickAsync(ct)).NodesAsync(label, ids, ct);

    public async Task<IReadOnlyList<GraphNode>> AllNodesAsync(string label, CancellationToken ct) => await (await PickAsync(ct)).AllNodesAsync(label, ct);

    public async Task<IReadOnlyList<GraphEdge>> EdgesAsync(EdgeQuery query, CancellationToken ct) => await (await PickAsync(ct)).EdgesAsync(query, ct);

    public async Task<Page<GraphNode>> OrganizationsAsync(OrganizationFilter filter, DateOnly asOf, string? after, int first, CancellationToken ct) =>
        await (await PickAsync(ct)).OrganizationsAsync(filter, asOf, after, first, ct);

    public async Task<Page<GraphNode>> SearchAsync(string text, int skip, int first, CancellationToken ct) =>
        await (await PickAsync(ct)).SearchAsync(text, skip, first, ct);

    public async Task<IReadOnlyList<ProvenanceEvent>> EventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct) =>
        await (await PickAsync(ct)).EventsAsync(eventIds, ct);

    public async Task<IReadOnlyList<ProvenanceEvent>> StreamEventsAsync(string stream, CancellationToken ct) =>
        await (await PickAsync(ct)).StreamEventsAsync(stream, ct);

    public async Task<GraphNode?> NodeAsync(string id, CancellationToken ct) => await (await PickAsync(ct)).NodeAsync(id, ct);

    public async Task<Page<Neighbour>?> NeighboursAsync(string id, IReadOnlyCollection<string> types, bool outgoing, bool incoming, DateOnly asOf,
        int skip, int first, CancellationToken ct) =>
        await (await PickAsync(ct)).NeighboursAsync(id, types, outgoing, incoming, asOf, skip, first, ct);

    public async Task<IReadOnlyList<SupplyLink>> SupplyLinksAsync(string? buyer, string? supplier, IReadOnlySet<string>? products, DateOnly asOf,
        CancellationToken ct) => await (await PickAsync(ct)).SupplyLinksAsync(buyer, supplier, products, asOf, ct);

    public async Task<IReadOnlyList<LackingFirm>> FirmsLackingSupplierAsync(LackQuestion question, CancellationToken ct) =>
        await (await PickAsync(ct)).FirmsLackingSupplierAsync(question, ct);

    public async Task<IReadOnlyList<ChainLink>> SupplyChainAsync(string orgId, IReadOnlySet<string>? products, int depth, DateOnly asOf, CancellationToken ct) =>
        await (await PickAsync(ct)).SupplyChainAsync(orgId, products, depth, asOf, ct);

    public async Task<PathAnswer> ShortestPathAsync(string fromId, string toId, IReadOnlyCollection<string> types, int maxHops, DateOnly asOf,
        CancellationToken ct) => await (await PickAsync(ct)).ShortestPathAsync(fromId, toId, types, maxHops, asOf, ct);

    public async Task<IReadOnlyList<StrandedBuyer>> StrandedIfAsync(IReadOnlySet<string> cut, IReadOnlySet<string> products, string? bloc, DateOnly asOf,
        CancellationToken ct) => await (await PickAsync(ct)).StrandedIfAsync(cut, products, bloc, asOf, ct);

    public async Task<IReadOnlyList<CountryCapacity>> StageCapacityAsync(Stage stage, DateOnly asOf, CancellationToken ct) =>
        await (await PickAsync(ct)).StageCapacityAsync(stage, asOf, ct);

    public async Task<Page<GraphNode>> DealsAsync(DealFilter filter, string? after, int first, CancellationToken ct) =>
        await (await PickAsync(ct)).DealsAsync(filter, after, first, ct);

    public async Task<Page<GraphNode>> FacilitiesAsync(FacilityFilter filter, string? after, int first, CancellationToken ct) =>
        await (await PickAsync(ct)).FacilitiesAsync(filter, after, first, ct);

    public async Task<Page<GraphNode>> PoliciesAsync(PolicyFilter filter, string? after, int first, CancellationToken ct) =>
        await (await PickAsync(ct)).PoliciesAsync(filter, after, first, ct);

    /// <summary>Refused, as by the live reader: what changed between two points is not composed from the history yet.</summary>
    public Task<Page<GraphChange>> ChangesAsync(ChangeQuery query, int after, int first, CancellationToken ct) => live.ChangesAsync(query, after, first, ct);

    public IGraphReader KnownAt(Knowledge knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return live.ViewOf(view with { Known = knowledge.IsAll ? Knowledge.All : knowledge });
    }

    public IGraphReader AttributesAsOf(DateOnly asOf) => live.ViewOf(view with { AttributesAsOf = asOf });

    public IGraphReader Pinned(long sequence) => live.ViewOf(view with { Known = new Knowledge(sequence) });

    public Task<KnowledgePoint> KnowledgeAsync(Knowledge knowledge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return Neo4jGraphReader.PointAsync(client, knowledge.IsAll ? view.Known : knowledge, ct);
    }
}
