using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Graph.Model;

// One record per relationship type. Each fixes the labels of its ends where they are fixed, and its key: what tells
// it from its siblings between the same two nodes (a deal id, a role, or the node at its other end).

/// <summary>An organization based in a country, over an interval.</summary>
public sealed record BasedIn(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Organization, FromId, Labels.Country, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.BasedIn;
}

/// <summary>An organization needing a product or a whole category (what it consumes).</summary>
public sealed record Needs(string FromId, string ToLabel, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Organization, FromId, ToLabel, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.Needs;
}

/// <summary>An organization operating a facility: one version per change of its status, stage or capacity.</summary>
public sealed record Operates(
    string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds,
    FacilityStatus Status, Stage Stage, decimal? CapacityTonnesPerYear)
    : GraphEdge(Labels.Organization, FromId, Labels.Facility, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.Operates;

    public bool IsOperating => Status == FacilityStatus.Operating;
}

public sealed record LocatedIn(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Facility, FromId, Labels.Country, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.LocatedIn;
}

public sealed record Produces(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Facility, FromId, Labels.Product, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.Produces;
}

/// <summary>A country's membership of a bloc, from joining to leaving.</summary>
public sealed record MemberOf(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Country, FromId, Labels.Bloc, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.MemberOf;
}

/// <summary>A supply agreement, supplier to buyer: one version per status within the agreement's window.</summary>
public sealed record Supplies(
    string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds,
    string DealId, string Product, string? Category, DealStatus Status, decimal? VolumeTonnesPerYear)
    : GraphEdge(Labels.Organization, FromId, Labels.Organization, ToId, DealId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.Supplies;

    /// <summary>Supply counts once signed; a proposed agreement is shown, never counted.</summary>
    public bool InForce => Status == DealStatus.Signed;
}

/// <summary>An investment, investor to target, one version per status.</summary>
public sealed record InvestedIn(
    string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds,
    string DealId, DealStatus Status, InvestmentInstrument Instrument, decimal? StakePercent, decimal? Amount, string? Currency)
    : GraphEdge(Labels.Organization, FromId, Labels.Organization, ToId, DealId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.InvestedIn;
}

/// <summary>A completed equity or acquisition stake, owner to owned, from completion until sold.</summary>
public sealed record Owns(
    string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds, string DealId, decimal StakePercent)
    : GraphEdge(Labels.Organization, FromId, Labels.Organization, ToId, DealId, ValidFrom, ValidTo, EventIds)
{
    public const decimal ControlAbovePercent = 50;

    public override string Type => Relationships.Owns;

    /// <summary>The owners that control a firm: their stakes in it (valid at one date) add up to more than 50 %.</summary>
    public static IEnumerable<(string Owner, string Owned)> Controlling(IEnumerable<Owns> stakes) => stakes
        .GroupBy(s => (Owner: s.FromId, Owned: s.ToId))
        .Where(g => g.Sum(s => s.StakePercent) > ControlAbovePercent)
        .Select(g => g.Key);
}

/// <summary>An organization's part in a deal; its key is its role.</summary>
public sealed record PartyTo(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds, DealRole Role)
    : GraphEdge(Labels.Organization, FromId, Labels.Deal, ToId, WireName.Of(Role), ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.PartyTo;
}

/// <summary>A policy enacted by a country or a bloc, until revoked.</summary>
public sealed record EnactedBy(string FromId, string ToLabel, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Policy, FromId, ToLabel, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.EnactedBy;
}

/// <summary>A policy covering a product or a whole category.</summary>
public sealed record Covers(string FromId, string ToLabel, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Policy, FromId, ToLabel, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.Covers;
}

public sealed record Benefits(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Policy, FromId, Labels.Organization, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.Benefits;
}

public sealed record Targets(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Policy, FromId, Labels.Country, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.Targets;
}

/// <summary>A product's category: static, valid always.</summary>
public sealed record InCategory(string FromId, string ToId, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> EventIds)
    : GraphEdge(Labels.Product, FromId, Labels.Category, ToId, ToId, ValidFrom, ValidTo, EventIds)
{
    public override string Type => Relationships.InCategory;
}
