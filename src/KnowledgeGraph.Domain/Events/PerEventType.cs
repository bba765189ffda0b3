using System.Reflection;

namespace KnowledgeGraph.Domain.Events;

/// <summary>
/// One value per event type, for code that must answer for every type without an event at hand (the catalog's
/// types, a mutation per type). A new event type is a new parameter: every table fails to build until it gives one.
/// </summary>
public sealed record PerEventType<T>(
    T OrganizationRegistered,
    T OrganizationUpdated,
    T FacilityRegistered,
    T FacilityStatusChanged,
    T FacilityUpdated,
    T InvestmentMade,
    T InvestmentStatusChanged,
    T StakeChanged,
    T PartnershipFormed,
    T PartnershipStatusChanged,
    T PartnershipEnded,
    T SupplyAgreementSigned,
    T SupplyAgreementStatusChanged,
    T SupplyAgreementEnded,
    T PolicyEnacted,
    T PolicyAmended,
    T PolicyRevoked,
    T BlocJoined,
    T BlocLeft,
    T EventRetracted) : IEventVisitor<T>
{
    private static readonly PropertyInfo[] InOrder = [.. typeof(PerEventType<T>).GetConstructors().Single().GetParameters()
        .Select(p => typeof(PerEventType<T>).GetProperty(p.Name!)!)];

    /// <summary>The values in the order of the parameters, which is that of <see cref="EventCatalog.Types"/>.</summary>
    public IReadOnlyList<T> Values => [.. InOrder.Select(p => (T)p.GetValue(this)!)];

    public T Visit(OrganizationRegistered e) => OrganizationRegistered;

    public T Visit(OrganizationUpdated e) => OrganizationUpdated;

    public T Visit(FacilityRegistered e) => FacilityRegistered;

    public T Visit(FacilityStatusChanged e) => FacilityStatusChanged;

    public T Visit(FacilityUpdated e) => FacilityUpdated;

    public T Visit(InvestmentMade e) => InvestmentMade;

    public T Visit(InvestmentStatusChanged e) => InvestmentStatusChanged;

    public T Visit(StakeChanged e) => StakeChanged;

    public T Visit(PartnershipFormed e) => PartnershipFormed;

    public T Visit(PartnershipStatusChanged e) => PartnershipStatusChanged;

    public T Visit(PartnershipEnded e) => PartnershipEnded;

    public T Visit(SupplyAgreementSigned e) => SupplyAgreementSigned;

    public T Visit(SupplyAgreementStatusChanged e) => SupplyAgreementStatusChanged;

    public T Visit(SupplyAgreementEnded e) => SupplyAgreementEnded;

    public T Visit(PolicyEnacted e) => PolicyEnacted;

    public T Visit(PolicyAmended e) => PolicyAmended;

    public T Visit(PolicyRevoked e) => PolicyRevoked;

    public T Visit(BlocJoined e) => BlocJoined;

    public T Visit(BlocLeft e) => BlocLeft;

    public T Visit(EventRetracted e) => EventRetracted;
}
