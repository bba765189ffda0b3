namespace KnowledgeGraph.Domain.Events;

public sealed record PolicyEnacted(
    string PolicyId,
    string Jurisdiction,
    string Kind,
    string Title,
    IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? BeneficiaryIds = null,
    IReadOnlyList<string>? TargetCountries = null);

public sealed record PolicyAmended(
    string PolicyId,
    string? Title = null,
    IReadOnlyList<string>? Products = null,
    IReadOnlyList<string>? BeneficiaryIds = null,
    IReadOnlyList<string>? TargetCountries = null);

public sealed record PolicyRevoked(string PolicyId);
