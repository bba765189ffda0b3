using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// The grammar of the streams the folds read: the registration each event type belongs to (itself for a registration,
/// the one it changes for a later event), or null for an event no registration opens (memberships, a retraction).
/// </summary>
internal sealed class RegistrationOf : IEventVisitor<Type?>
{
    private static readonly RegistrationOf Instance = new();

    /// <summary>Whether the event may follow a <typeparamref name="T"/> in its stream.</summary>
    public static bool Continues<T>(CatalogEvent e) where T : CatalogEvent => !e.RegistersEntity() && e.Accept(Instance) == typeof(T);

    public Type? Visit(OrganizationRegistered e) => typeof(OrganizationRegistered);
    public Type? Visit(OrganizationUpdated e) => typeof(OrganizationRegistered);
    public Type? Visit(FacilityRegistered e) => typeof(FacilityRegistered);
    public Type? Visit(FacilityStatusChanged e) => typeof(FacilityRegistered);
    public Type? Visit(FacilityUpdated e) => typeof(FacilityRegistered);
    public Type? Visit(InvestmentMade e) => typeof(InvestmentMade);
    public Type? Visit(InvestmentStatusChanged e) => typeof(InvestmentMade);
    public Type? Visit(StakeChanged e) => typeof(InvestmentMade);
    public Type? Visit(PartnershipFormed e) => typeof(PartnershipFormed);
    public Type? Visit(PartnershipStatusChanged e) => typeof(PartnershipFormed);
    public Type? Visit(PartnershipEnded e) => typeof(PartnershipFormed);
    public Type? Visit(SupplyAgreementSigned e) => typeof(SupplyAgreementSigned);
    public Type? Visit(SupplyAgreementStatusChanged e) => typeof(SupplyAgreementSigned);
    public Type? Visit(SupplyAgreementEnded e) => typeof(SupplyAgreementSigned);
    public Type? Visit(PolicyEnacted e) => typeof(PolicyEnacted);
    public Type? Visit(PolicyAmended e) => typeof(PolicyEnacted);
    public Type? Visit(PolicyRevoked e) => typeof(PolicyEnacted);
    public Type? Visit(BlocJoined e) => null;
    public Type? Visit(BlocLeft e) => null;
    public Type? Visit(EventRetracted e) => null;
}
