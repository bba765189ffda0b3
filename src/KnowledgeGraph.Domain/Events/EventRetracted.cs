namespace KnowledgeGraph.Domain.Events;

/// <summary>Removes the effect of an earlier event everywhere; the retraction itself stays visible.</summary>
public sealed record EventRetracted(string EventId, string Reason);
