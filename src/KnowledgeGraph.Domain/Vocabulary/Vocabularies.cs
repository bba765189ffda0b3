namespace KnowledgeGraph.Domain.Vocabulary;

/// <summary>The closed vocabularies of the import format (docs/design.md, README).</summary>
public static class Vocabularies
{
    public static readonly IReadOnlySet<string> Blocs = Set("NATO", "EU", "G7", "QUAD", "MSP");

    public static readonly IReadOnlySet<string> Stages =
        Set("mining", "separation", "metal", "alloy", "magnet", "recycling", "manufacturing");

    public static readonly IReadOnlySet<string> OrganizationKinds =
        Set("company", "government-agency", "investor", "research", "consortium");

    public static readonly IReadOnlySet<string> FacilityStatuses =
        Set("planned", "under-construction", "operating", "idle", "closed");

    public static readonly IReadOnlySet<string> InvestmentInstruments =
        Set("equity", "acquisition", "loan", "grant", "convertible", "prepayment");

    public static readonly IReadOnlySet<string> InvestmentStatusesAtStart = Set("proposed", "announced", "completed");

    public static readonly IReadOnlySet<string> InvestmentStatusChanges = Set("announced", "completed", "cancelled");

    public static readonly IReadOnlySet<string> PartnershipKinds =
        Set("joint-venture", "mou", "technology-licence", "strategic-alliance", "research", "tolling");

    public static readonly IReadOnlySet<string> PartnershipStatuses = Set("proposed", "announced", "active");

    /// <summary>Forward only: a partnership's status may move to a later one of these, never back.</summary>
    public static readonly IReadOnlyList<string> PartnershipStatusOrder = ["proposed", "announced", "active"];

    public static readonly IReadOnlySet<string> PartnershipStatusChanges = Set("announced", "active");

    public static readonly IReadOnlySet<string> SupplyStatuses = Set("proposed", "signed");

    public static readonly IReadOnlySet<string> SupplyStatusChanges = Set("signed");

    /// <summary>The instruments whose completed stakes make ownership (and may change with <c>StakeChanged</c>).</summary>
    public static readonly IReadOnlySet<string> OwnershipInstruments = Set("equity", "acquisition");

    public static readonly IReadOnlySet<string> PolicyKinds = Set(
        "export-control", "import-tariff", "subsidy", "grant", "loan", "tax-credit", "strategic-project",
        "stockpile", "price-floor", "sanction", "investment-screening");

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}
