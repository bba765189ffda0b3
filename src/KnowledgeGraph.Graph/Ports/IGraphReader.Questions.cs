using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>One method per question; arguments arrive checked (see Queries.Inputs), dates are world dates.</summary>
public partial interface IGraphReader
{
    /// <summary>The node with this id: organizations first, then facilities, countries, blocs, products, categories, deals, policies.</summary>
    Task<GraphNode?> NodeAsync(string id, CancellationToken ct) => ComposedReads.NodeAsync(this, id, ct);

    /// <summary>
    /// The relationships of the given types leaving and/or reaching the node with this id (found as <see cref="NodeAsync"/>
    /// finds it), valid at the date, with their other ends: those leaving it first, then by type; the page after the first
    /// <paramref name="skip"/>. Null when there is no node with the id.
    /// </summary>
    Task<Page<Neighbour>?> NeighboursAsync(string id, IReadOnlyCollection<string> types, bool outgoing, bool incoming, DateOnly asOf,
        int skip, int first, CancellationToken ct) => ComposedReads.NeighboursAsync(this, id, types, outgoing, incoming, asOf, skip, first, ct);

    /// <summary>Supply agreements in force (signed, valid at the date) to the buyer and/or from the supplier, for the products (any when null).</summary>
    Task<IReadOnlyList<SupplyLink>> SupplyLinksAsync(string? buyer, string? supplier, IReadOnlySet<string>? products, DateOnly asOf,
        CancellationToken ct) => ComposedSupply.LinksAsync(this, buyer, supplier, products, asOf, ct);

    Task<IReadOnlyList<LackingFirm>> FirmsLackingSupplierAsync(LackQuestion question, CancellationToken ct) =>
        ComposedSupply.LackingAsync(this, question, ct);

    /// <summary>
    /// Tier 1 supplies the firm (with the products, when named), tier n+1 supplies a firm first met at tier n with
    /// anything, up to the depth; a firm met again is not followed twice, so cycles end.
    /// </summary>
    Task<IReadOnlyList<ChainLink>> SupplyChainAsync(string orgId, IReadOnlySet<string>? products, int depth, DateOnly asOf, CancellationToken ct) =>
        ComposedSupply.ChainAsync(this, orgId, products, depth, asOf, ct);

    /// <summary>A shortest path over relationships of the types valid at the date, in either direction, within the hops.</summary>
    Task<PathAnswer> ShortestPathAsync(string fromId, string toId, IReadOnlyCollection<string> types, int maxHops, DateOnly asOf, CancellationToken ct) =>
        ComposedReads.ShortestPathAsync(this, fromId, toId, types, maxHops, asOf, ct);

    Task<IReadOnlyList<StrandedBuyer>> StrandedIfAsync(IReadOnlySet<string> cut, IReadOnlySet<string> products, string? bloc, DateOnly asOf,
        CancellationToken ct) => ComposedSupply.StrandedAsync(this, cut, products, bloc, asOf, ct);

    /// <summary>Operating capacity of the stage at the date, by the country of the facilities.</summary>
    Task<IReadOnlyList<CountryCapacity>> StageCapacityAsync(Stage stage, DateOnly asOf, CancellationToken ct) =>
        ComposedLists.StageCapacityAsync(this, stage, asOf, ct);

    /// <summary>Deals by filter, oldest first (effective date, then id), after the deal whose id is the cursor.</summary>
    Task<Page<GraphNode>> DealsAsync(DealFilter filter, string? after, int first, CancellationToken ct) =>
        ComposedLists.DealsAsync(this, filter, after, first, ct);

    /// <summary>Facilities by filter, by id, after the cursor.</summary>
    Task<Page<GraphNode>> FacilitiesAsync(FacilityFilter filter, string? after, int first, CancellationToken ct) =>
        ComposedLists.FacilitiesAsync(this, filter, after, first, ct);

    /// <summary>Policies by filter, by id, after the cursor.</summary>
    Task<Page<GraphNode>> PoliciesAsync(PolicyFilter filter, string? after, int first, CancellationToken ct) =>
        ComposedLists.PoliciesAsync(this, filter, after, first, ct);

    /// <summary>What changed between the two points of the query, in the order it happened, a page at a time (the cursor is a position).</summary>
    Task<Page<GraphChange>> ChangesAsync(ChangeQuery query, int after, int first, CancellationToken ct) => throw ChangesNotKept();

    /// <summary>The refusal of a store that does not compare two points itself (Neo4j keeps the versions but does not compose the changes).</summary>
    internal static Queries.QueryInputException ChangesNotKept() =>
        new("from", "changes are answered by the PostgreSQL graph store, which keeps every version");
}
