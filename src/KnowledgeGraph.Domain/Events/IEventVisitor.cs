namespace KnowledgeGraph.Domain.Events;

/// <summary>
/// Code that handles every event type of the catalog: a new event type fails the build of every implementation until
/// it is handled there too.
/// </summary>
public interface IEventVisitor<out TResult>
{
    TResult Visit(OrganizationRegistered e);
    TResult Visit(OrganizationUpdated e);
    TResult Visit(FacilityRegistered e);
    TResult Visit(FacilityStatusChanged e);
    TResult Visit(FacilityUpdated e);
    TResult Visit(InvestmentMade e);
    TResult Visit(InvestmentStatusChanged e);
    TResult Visit(StakeChanged e);
    TResult Visit(PartnershipFormed e);
    TResult Visit(PartnershipStatusChanged e);
    TResult Visit(PartnershipEnded e);
    TResult Visit(SupplyAgreementSigned e);
    TResult Visit(SupplyAgreementStatusChanged e);
    TResult Visit(SupplyAgreementEnded e);
    TResult Visit(PolicyEnacted e);
    TResult Visit(PolicyAmended e);
    TResult Visit(PolicyRevoked e);
    TResult Visit(BlocJoined e);
    TResult Visit(BlocLeft e);
    TResult Visit(EventRetracted e);
}
