using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Graph.Model;

/// <summary>One version of an organization's attributes in world time; where it is based over time is its BASED_IN relationships.</summary>
public sealed record Organization(
    string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds,
    string Name, string Country, OrganizationKind Kind, IReadOnlyList<Stage> Stages, IReadOnlyList<string> Aliases, IReadOnlyList<string> Consumes)
    : GraphNode(Id, ValidFrom, EventIds)
{
    public override string Label => Labels.Organization;

    public override string Caption => Name;
}

/// <summary>One version of a facility's attributes in world time; its status at a date is also on its OPERATES relationships.</summary>
public sealed record Facility(
    string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds,
    string Name, string OperatorId, string Country, Stage Stage, FacilityStatus Status, IReadOnlyList<string> Products, decimal? CapacityTonnesPerYear)
    : GraphNode(Id, ValidFrom, EventIds)
{
    public override string Label => Labels.Facility;

    public override string Caption => Name;
}

/// <summary>One version of a policy's attributes in world time: its title and what it names, as amended, and whether it is revoked yet.</summary>
public sealed record Policy(
    string Id, DateOnly? ValidFrom, IReadOnlyList<string> EventIds,
    string Jurisdiction, PolicyKind Kind, string Title, PolicyStatus Status, DateOnly? RevokedOn,
    IReadOnlyList<string> Products, IReadOnlyList<string> BeneficiaryIds, IReadOnlyList<string> TargetCountries)
    : GraphNode(Id, ValidFrom, EventIds)
{
    public override string Label => Labels.Policy;

    public override string Caption => Title;
}

public sealed record Country(string Id, string Name) : GraphNode(Id, null, [])
{
    public override string Label => Labels.Country;

    public override string Caption => Name;
}

public sealed record Bloc(string Id, string Name) : GraphNode(Id, null, [])
{
    public override string Label => Labels.Bloc;

    public override string Caption => Name;
}

public sealed record Category(string Id, string Name) : GraphNode(Id, null, [])
{
    public override string Label => Labels.Category;

    public override string Caption => Name;
}

public sealed record Product(string Id, string Name, string Category) : GraphNode(Id, null, [])
{
    public override string Label => Labels.Product;

    public override string Caption => Name;
}
