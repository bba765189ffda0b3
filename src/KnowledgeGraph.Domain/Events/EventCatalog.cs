namespace KnowledgeGraph.Domain.Events;

/// <summary>The event types of the import format, by the name used in its <c>type</c> field.</summary>
public static class EventCatalog
{
    private static readonly PerEventType<Type> TypeOf = new(
        typeof(OrganizationRegistered), typeof(OrganizationUpdated),
        typeof(FacilityRegistered), typeof(FacilityStatusChanged), typeof(FacilityUpdated),
        typeof(InvestmentMade), typeof(InvestmentStatusChanged), typeof(StakeChanged),
        typeof(PartnershipFormed), typeof(PartnershipStatusChanged), typeof(PartnershipEnded),
        typeof(SupplyAgreementSigned), typeof(SupplyAgreementStatusChanged), typeof(SupplyAgreementEnded),
        typeof(PolicyEnacted), typeof(PolicyAmended), typeof(PolicyRevoked),
        typeof(BlocJoined), typeof(BlocLeft),
        typeof(EventRetracted));

    /// <summary>Every event type, each deriving from <see cref="CatalogEvent"/>.</summary>
    public static IReadOnlyList<Type> Types { get; } = TypeOf.Values;

    private static readonly Dictionary<string, Type> ByName = Types.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The event types with the table's value for each, in the order of <see cref="Types"/>.</summary>
    public static IEnumerable<(Type Type, T Value)> Each<T>(PerEventType<T> table) => Types.Zip(table.Values);
}
