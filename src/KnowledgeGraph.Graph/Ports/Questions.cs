using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Ports;

/// <summary>A relationship of a node valid at a date, with the node at its other end.</summary>
public sealed record Neighbour(GraphEdge Edge, GraphNode Node);

/// <summary>One supply agreement in force between two organizations that exist.</summary>
public sealed record SupplyLink(GraphNode Supplier, GraphNode Buyer, GraphEdge Agreement);

/// <summary>A link of an upstream chain, at its tier (1 supplies the firm itself).</summary>
public sealed record ChainLink(int Tier, SupplyLink Link);

/// <summary>Why a supplier does not count: it is based in an excluded country, or an owner controlling it up the chain is.</summary>
public sealed record Exclusion(string Country, string? ControlledBy);

/// <summary>A supplier as an answer lists it: the agreement in force, where the supplier is, and why it is excluded, if it is.</summary>
public sealed record SupplierInForce(GraphNode Supplier, GraphEdge Agreement, string? Country, Exclusion? Excluded)
{
    public string? ExcludedBecause => Excluded switch
    {
        null => null,
        { ControlledBy: { } owner } => $"controlled by {owner} ({Excluded.Country})",
        _ => $"based in {Excluded.Country}",
    };
}

/// <summary>
/// The flagship question with its arguments checked: firms based (at the date) in the countries or in a member of the
/// bloc, that need one of the products (they consume one of the need codes, or bought one of the products before the
/// date), and whose every supplier in force is excluded.
/// </summary>
public sealed record LackQuestion(
    IReadOnlySet<string> Products, IReadOnlySet<string> NeedCodes, string? Bloc, IReadOnlyCollection<string> Countries,
    IReadOnlySet<string> Excluded, DateOnly AsOf, bool ConsiderOwnership);

/// <summary>A firm that lacks a supplier: what it consumes of the need codes, what it bought before, and its suppliers (all excluded).</summary>
public sealed record LackingFirm(GraphNode Firm, IReadOnlyList<string> Consumes, IReadOnlyList<string> Bought, IReadOnlyList<SupplierInForce> Suppliers);

/// <summary>A buyer (in the bloc, when named) whose every supplier in force of the products is in a cut-off country.</summary>
public sealed record StrandedBuyer(GraphNode Buyer, IReadOnlyList<SupplierInForce> Suppliers);

/// <summary>Operating capacity of one stage in one country at a date.</summary>
public sealed record CountryCapacity(string Country, decimal CapacityTonnesPerYear, int WithCapacity, int WithoutCapacity);

/// <summary>The ends of a shortest path as found (null when no node has the id), and the path (null when none within the hops).</summary>
public sealed record PathAnswer(GraphNode? From, GraphNode? To, IReadOnlyList<GraphNode>? Nodes, IReadOnlyList<GraphEdge>? Edges);

/// <summary>
/// Deals registered by the date (effective on or before it), by kind, party, a party's country (ever), product codes
/// (products and their categories), and effective date range.
/// </summary>
public sealed record DealFilter(
    DateOnly AsOf, DealKind? Kind = null, string? Party = null, string? Country = null, IReadOnlySet<string>? ProductCodes = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>Facilities registered by the date, by country, stage, operator and status at the date.</summary>
public sealed record FacilityFilter(DateOnly AsOf, string? Country = null, Stage? Stage = null, string? OperatorId = null, FacilityStatus? Status = null);

/// <summary>Policies enacted by the date, by jurisdiction, kind, product covered, beneficiary and status (in-force or revoked).</summary>
public sealed record PolicyFilter(DateOnly AsOf, string? Jurisdiction = null, PolicyKind? Kind = null, string? Product = null, string? Beneficiary = null, PolicyStatus? Status = null);

/// <summary>
/// What changed between two points, both knowledge points (the events stored up to two sequences) or both world dates
/// (at the reader's knowledge point), filtered by kind, an organization at either end, product codes (products and
/// their categories), and a country or bloc at either end or where the organization or facility there is based.
/// </summary>
public sealed record ChangeQuery(
    long? FromSequence, long? ToSequence, DateOnly? FromDate, DateOnly? ToDate,
    IReadOnlySet<string>? Kinds = null, string? Organization = null, IReadOnlySet<string>? ProductCodes = null,
    string? Country = null, string? Bloc = null);

/// <summary>
/// A relationship version or a node's attributes that appeared, ended, changed (naming the attributes) or were
/// retracted, with the event that did it (and its source) and the world date of the change.
/// </summary>
public sealed record GraphChange(string Kind, GraphEdge? Relationship, GraphNode? Node, IReadOnlyList<string> Attributes,
    ProvenanceEvent? Event, DateOnly? Date);
