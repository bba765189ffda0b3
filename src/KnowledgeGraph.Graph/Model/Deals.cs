using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Graph.Model;

/// <summary>An organization's part in a deal.</summary>
public sealed record DealParty(string OrganizationId, DealRole Role);

/// <summary>
/// One version in world time of an investment, a partnership or a supply agreement: its status (ended once a
/// partnership or an agreement has ended) and, for an investment, its stake. Its parties and the products it is about
/// are derived here, once.
/// </summary>
public abstract record Deal(string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds, DealStatus Status)
    : GraphNode(Id, ValidFrom, EventIds)
{
    public override string Label => Labels.Deal;

    public abstract DealKind Kind { get; }

    public abstract IReadOnlyList<DealParty> Parties { get; }

    /// <summary>The products it is about: a supply agreement's one, a partnership's, none for an investment.</summary>
    public abstract IReadOnlyList<string> ProductsTraded { get; }
}

public sealed record Investment(
    string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds, DealStatus Status,
    InvestmentInstrument Instrument, string InvestorId, string TargetId, decimal? Amount, string? Currency, decimal? StakePercent)
    : Deal(Id, ValidFrom, EventIds, Status)
{
    public override DealKind Kind => DealKind.Investment;

    public override IReadOnlyList<DealParty> Parties => [new(InvestorId, DealRole.Investor), new(TargetId, DealRole.Target)];

    public override IReadOnlyList<string> ProductsTraded => [];

    /// <summary>Equity and acquisitions make ownership once completed (and may then change with StakeChanged).</summary>
    public bool TakesOwnership => Vocabularies.OwnershipInstruments.Contains(WireName.Of(Instrument));
}

public sealed record Partnership(
    string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds, DealStatus Status,
    PartnershipKind PartnershipKind, IReadOnlyList<string> PartyIds, IReadOnlyList<string> Products, DateOnly? EndedOn, string? EndReason)
    : Deal(Id, ValidFrom, EventIds, Status)
{
    public override DealKind Kind => DealKind.Partnership;

    public override IReadOnlyList<DealParty> Parties => PartyIds.Distinct(StringComparer.Ordinal).Select(p => new DealParty(p, DealRole.Party)).ToList();

    public override IReadOnlyList<string> ProductsTraded => Products;
}

public sealed record SupplyAgreement(
    string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds, DealStatus Status,
    string SupplierId, string BuyerId, string Product, string? Category, decimal? VolumeTonnesPerYear,
    DateOnly? StartDate, DateOnly? EndDate, DateOnly? EndedOn, string? EndReason)
    : Deal(Id, ValidFrom, EventIds, Status)
{
    public override DealKind Kind => DealKind.Supply;

    public override IReadOnlyList<DealParty> Parties => [new(SupplierId, DealRole.Supplier), new(BuyerId, DealRole.Buyer)];

    public override IReadOnlyList<string> ProductsTraded => [Product];

    /// <summary>Its window starts at its start date, else when it took effect.</summary>
    public DateOnly InForceFrom => StartDate ?? ValidFrom!.Value;

    /// <summary>Its window ends at the earlier of its end date and its ending (never before it starts); null while open.</summary>
    public DateOnly? InForceTo
    {
        get
        {
            var to = new[] { EndDate, EndedOn }.Min();
            return to < InForceFrom ? InForceFrom : to;
        }
    }
}
