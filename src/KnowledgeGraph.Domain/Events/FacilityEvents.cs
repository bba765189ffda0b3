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

/// <summary>A facility's descriptive attributes changed: at least one of name, stage, products, capacity.</summary>
public sealed record FacilityUpdated(
    string FacilityId,
    string? Name = null,
    string? Stage = null,
    IReadOnlyList<string>? Products = null,
    decimal? CapacityTonnesPerYear = null);
