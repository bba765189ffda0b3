namespace KnowledgeGraph.Domain.Events;

/// <summary>The event types of the import format, by the name used in its <c>type</c> field.</summary>
public static class EventCatalog
{
    public static IReadOnlyList<Type> Types { get; } =
    [
        typeof(OrganizationRegistered), typeof(OrganizationUpdated),
        typeof(FacilityRegistered), typeof(FacilityStatusChanged), typeof(FacilityUpdated),
        typeof(InvestmentMade), typeof(InvestmentStatusChanged), typeof(StakeChanged),
        typeof(PartnershipFormed), typeof(PartnershipStatusChanged), typeof(PartnershipEnded),
        typeof(SupplyAgreementSigned), typeof(SupplyAgreementStatusChanged), typeof(SupplyAgreementEnded),
        typeof(PolicyEnacted), typeof(PolicyAmended), typeof(PolicyRevoked),
        typeof(BlocJoined), typeof(BlocLeft),
        typeof(EventRetracted),
    ];

    private static readonly Dictionary<string, Type> ByName = Types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// The stream an event belongs to: one per organization, facility, deal, policy and country membership.
    /// A retraction goes to the stream of the event it retracts, which only the store knows.
    /// </summary>
    public static string? StreamOf(object data) => data switch
    {
        OrganizationRegistered e => Streams.Organization(e.OrgId),
        OrganizationUpdated e => Streams.Organization(e.OrgId),
        FacilityRegistered e => Streams.Facility(e.FacilityId),
        FacilityStatusChanged e => Streams.Facility(e.FacilityId),
        FacilityUpdated e => Streams.Facility(e.FacilityId),
        InvestmentMade e => Streams.Deal(e.DealId),
        InvestmentStatusChanged e => Streams.Deal(e.DealId),
        StakeChanged e => Streams.Deal(e.DealId),
        PartnershipFormed e => Streams.Deal(e.DealId),
        PartnershipStatusChanged e => Streams.Deal(e.DealId),
        PartnershipEnded e => Streams.Deal(e.DealId),
        SupplyAgreementSigned e => Streams.Deal(e.DealId),
        SupplyAgreementStatusChanged e => Streams.Deal(e.DealId),
        SupplyAgreementEnded e => Streams.Deal(e.DealId),
        PolicyEnacted e => Streams.Policy(e.PolicyId),
        PolicyAmended e => Streams.Policy(e.PolicyId),
        PolicyRevoked e => Streams.Policy(e.PolicyId),
        BlocJoined e => Streams.Country(e.Country),
        BlocLeft e => Streams.Country(e.Country),
        _ => null,
    };
}

/// <summary>The stream ids: formatted, and read back, only here.</summary>
public static class Streams
{
    /// <summary>What every deal stream id starts with.</summary>
    public const string DealPrefix = "deal:";

    public static string Organization(string id) => $"org:{id}";
    public static string Facility(string id) => $"facility:{id}";
    public static string Deal(string id) => DealPrefix + id;
    public static string Policy(string id) => $"policy:{id}";
    public static string Country(string code) => $"country:{code}";

    /// <summary>The deal id of a deal stream; null for a stream of anything else.</summary>
    public static string? DealIdOf(string stream) =>
        stream.StartsWith(DealPrefix, StringComparison.Ordinal) ? stream[DealPrefix.Length..] : null;
}
