namespace KnowledgeGraph.Domain.Events;

public sealed record FacilityRegistered(
    string FacilityId,
    string Name,
    string OperatorId,
    string Country,
    string Stage,
    string Status,
    IReadOnlyList<string>? Products = null,
    decimal? CapacityTonnesPerYear = null);

public sealed record FacilityStatusChanged(string FacilityId, string Status);
