namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// The classes that project into the one Neo4j graph the suite may reach (see Testing's Neo4jTestServer) run one at a
/// time: each replaces that graph when it starts and removes it when it ends.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedGraphStores
{
    public const string Name = "graph stores";
}
