namespace KnowledgeGraph.Domain.Events;

public sealed record OrganizationRegistered(
    string OrgId,
    string Name,
    string Country,
    string Kind,
    IReadOnlyList<string>? Stages = null,
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyList<string>? Consumes = null);

public sealed record OrganizationUpdated(
    string OrgId,
    string? Name = null,
    string? Country = null,
    string? Kind = null,
    IReadOnlyList<string>? Stages = null,
    IReadOnlyList<string>? Aliases = null,
    IReadOnlyList<string>? Consumes = null);
