namespace KnowledgeGraph.Domain.Vocabulary;

/// <summary>The closed vocabularies of DESIGN.md.</summary>
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

    public static readonly IReadOnlySet<string> SupplyStatuses = Set("proposed", "signed");

    public static readonly IReadOnlySet<string> PolicyKinds = Set(
        "export-control", "import-tariff", "subsidy", "grant", "loan", "tax-credit", "strategic-project",
        "stockpile", "price-floor", "sanction", "investment-screening");

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}
