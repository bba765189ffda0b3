namespace KnowledgeGraph.Domain.Vocabulary;

// The closed vocabularies of the import format as types. Their wire names (in the import format, the stored graph
// and the API) are the kebab-case of the member names: UnderConstruction is "under-construction" (see WireName).

public enum Stage { Mining, Separation, Metal, Alloy, Magnet, Recycling, Manufacturing }

public enum OrganizationKind { Company, GovernmentAgency, Investor, Research, Consortium }

public enum FacilityStatus { Planned, UnderConstruction, Operating, Idle, Closed }

public enum DealKind { Investment, Partnership, Supply }

/// <summary>
/// Every status a deal can be in: an investment is proposed, announced, completed or cancelled; a partnership
/// proposed, announced or active; a supply agreement proposed or signed; a partnership or agreement may be ended.
/// </summary>
#pragma warning disable CA1720 // "signed" is the import format's word for an agreement in force, not a type name
public enum DealStatus { Proposed, Announced, Completed, Cancelled, Active, Signed, Ended }
#pragma warning restore CA1720

/// <summary>What an organization is to a deal.</summary>
public enum DealRole { Investor, Target, Party, Supplier, Buyer }

public enum InvestmentInstrument { Equity, Acquisition, Loan, Grant, Convertible, Prepayment }

public enum PartnershipKind { JointVenture, Mou, TechnologyLicence, StrategicAlliance, Research, Tolling }

public enum PolicyKind
{
    ExportControl, ImportTariff, Subsidy, Grant, Loan, TaxCredit, StrategicProject, Stockpile, PriceFloor, Sanction, InvestmentScreening,
}

public enum PolicyStatus { InForce, Revoked }
