namespace KnowledgeGraph.Domain.Events;

public sealed record InvestmentMade(
    string DealId,
    string InvestorId,
    string TargetId,
    string Instrument,
    string Status,
    decimal? Amount = null,
    string? Currency = null,
    decimal? StakePercent = null);

public sealed record InvestmentStatusChanged(string DealId, string Status);

public sealed record PartnershipFormed(
    string DealId,
    IReadOnlyList<string> PartyIds,
    string Kind,
    string Status,
    IReadOnlyList<string>? Products = null);

public sealed record PartnershipEnded(string DealId, string? Reason = null);

public sealed record SupplyAgreementSigned(
    string DealId,
    string SupplierId,
    string BuyerId,
    string Product,
    string Status,
    decimal? VolumeTonnesPerYear = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null);

public sealed record SupplyAgreementEnded(string DealId, string? Reason = null);
