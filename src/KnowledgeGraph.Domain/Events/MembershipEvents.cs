namespace KnowledgeGraph.Domain.Events;

public sealed record BlocJoined(string Country, string Bloc);

public sealed record BlocLeft(string Country, string Bloc);
