namespace KnowledgeGraph.Graph.Queries;

/// <summary>A question that cannot be asked as put: an unknown product, country, bloc or node, or a bad limit.</summary>
public sealed class QueryInputException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;
}
