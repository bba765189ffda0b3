using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Fills the label and relationship-type slots of a <see cref="Cypher"/> statement. Only the graph's own names are
/// accepted, so no input can reach the statement text.
/// </summary>
public static class CypherSlots
{
    public const string Label = "__LABEL__";
    public const string Type = "__TYPE__";
    public const string From = "__FROM__";
    public const string To = "__TO__";

    public static bool IsLabel(string name) => Labels.All.Contains(name, StringComparer.Ordinal);

    public static bool IsRelationshipType(string name) => Relationships.All.Contains(name, StringComparer.Ordinal);

    public static string BindLabel(string statement, string label) => Bind(statement, label: label);

    public static string BindType(string statement, string type) => Bind(statement, type: type);

    /// <summary>Replaces each slot by its name, after checking that the name is one of the graph's labels or types.</summary>
    public static string Bind(string statement, string? label = null, string? type = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        foreach (var name in new[] { label, from, to }.OfType<string>())
        {
            if (!IsLabel(name))
            {
                throw new ArgumentException($"'{name}' is not a label of the graph", nameof(label));
            }
        }
        if (type is not null && !IsRelationshipType(type))
        {
            throw new ArgumentException($"'{type}' is not a relationship type of the graph", nameof(type));
        }
        var bound = Fill(Fill(Fill(Fill(statement, Label, label), Type, type), From, from), To, to);
        return new[] { Label, Type, From, To }.Any(slot => bound.Contains(slot, StringComparison.Ordinal))
            ? throw new ArgumentException("a slot of the statement was left unfilled", nameof(statement))
            : bound;
    }

    private static string Fill(string statement, string slot, string? name) =>
        name is null ? statement : statement.Replace(slot, name, StringComparison.Ordinal);
}
