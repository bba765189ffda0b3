namespace KnowledgeGraph.Graph.Ports;

/// <summary>
/// The graph store refused a write for what it holds, not for a passing reason (a value it cannot store, a limit it
/// enforces): retrying cannot cure it. Writers throw it so that the projection can set the offending event aside.
/// </summary>
public sealed class GraphStoreRefusedException(string reason, Exception inner) : Exception(reason, inner);
