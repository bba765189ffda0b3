namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>The classes that write the one Neo4j graph the suite may reach run one at a time; each removes it at its end.</summary>
[CollectionDefinition(Name)]
public sealed class SharedNeo4jGraph
{
    public const string Name = "neo4j graph";
}
