namespace KnowledgeGraph.Domain.Vocabulary;

/// <summary>The closed vocabularies of the import format (docs/design.md, README).</summary>
public static class Vocabularies
{
    public static readonly IReadOnlySet<string> Blocs = Set("NATO", "EU", "G7", "QUAD", "MSP");

    public static readonly IReadOnlySet<string> Stages = Set(WireName.All<Stage>());

    public static readonly IReadOnlySet<string> OrganizationKinds = Set(WireName.All<OrganizationKind>());

    public static readonly IReadOnlySet<string> FacilityStatuses = Set(WireName.All<FacilityStatus>());

    public static readonly IReadOnlySet<string> InvestmentInstruments = Set(WireName.All<InvestmentInstrument>());

    public static readonly IReadOnlySet<string> InvestmentStatusesAtStart = Set("proposed", "announced", "completed");

    public static readonly IReadOnlySet<string> InvestmentStatusChanges = Set("announced", "completed", "cancelled");

    public static readonly IReadOnlySet<string> PartnershipKinds = Set(WireName.All<PartnershipKind>());

    public static readonly IReadOnlySet<string> PartnershipStatuses = Set("proposed", "announced", "active");

    /// <summary>Forward only: a partnership's status may move to a later one of these, never back.</summary>
    public static readonly IReadOnlyList<string> PartnershipStatusOrder = ["proposed", "announced", "active"];

    public static readonly IReadOnlySet<string> PartnershipStatusChanges = Set("announced", "active");

    public static readonly IReadOnlySet<string> SupplyStatuses = Set("proposed", "signed");

    public static readonly IReadOnlySet<string> SupplyStatusChanges = Set("signed");

    /// <summary>The instruments whose completed stakes make ownership (and may change with <c>StakeChanged</c>).</summary>
    public static readonly IReadOnlySet<string> OwnershipInstruments = Set("equity", "acquisition");

    public static readonly IReadOnlySet<string> PolicyKinds = Set(WireName.All<PolicyKind>());

    private static HashSet<string> Set(params IEnumerable<string> values) => new(values, StringComparer.Ordinal);
}
