using GraphQL.Validation.Complexity;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL.Cost;

/// <summary>
/// What a field costs, by field coordinate (<c>Type.field</c>), in the manner of the IBM GraphQL cost directive: the
/// field's own weight, and the multiplier applied to everything selected under it (how many items a list returns).
/// A field not named here costs 1 and multiplies its children by its <c>first</c> argument when it is a list, else by
/// <see cref="DefaultListSize"/>. Every alias is a selection and costs again. The README's "Cost" table mirrors this one.
/// </summary>
internal static class CostWeights
{
    /// <summary>The multiplier of a list without a <c>first</c> argument (a node's relationships, mostly a handful).</summary>
    public const double DefaultListSize = 5;

    /// <summary>The whole schema, once: cheap to serve once, megabytes when aliased hundreds of times.</summary>
    public const double Schema = 500;

    public static readonly IReadOnlyDictionary<string, Func<FieldImpactContext, FieldComplexityResult>> ByCoordinate =
        new Dictionary<string, Func<FieldImpactContext, FieldComplexityResult>>(StringComparer.Ordinal)
        {
            // A breadth-first search: the frontier roughly doubles with each hop allowed.
            ["Query.shortestPath"] = f => new(Doubling(f, "maxHops", 4, GraphPaths.MaxHops), 1),
            // Tier after tier upstream, each tier a set of suppliers.
            ["Query.supplyChain"] = f => new(Doubling(f, "depth", 4, SupplyRelations.MaxDepth), 8),
            // The whole answer is computed, then a page of it is returned: the field pays for the computation, its
            // connection's nodes or edges for each item of the page (see Connection below).
            ["Query.firmsLackingSupplier"] = _ => new(100, 1),
            ["Query.strandedIf"] = _ => new(100, 20),
            // A citation answers its question once more, at its knowledge point.
            ["Query.citation"] = _ => new(100, 20),
            // Two states of the graph compared: a scan of its versions, then a page.
            ["Query.changes"] = _ => new(100, 1),
            ["Query.stageConcentration"] = _ => new(20, 10),
            ["Query.neighbours"] = _ => new(5, 1),
            ["Query.search"] = _ => new(10, 1),
            // A page cut by the store: the connection is one object.
            ["Query.organizations"] = _ => new(5, 1),
            ["Query.facilities"] = _ => new(5, 1),
            ["Query.deals"] = _ => new(5, 1),
            ["Query.policies"] = _ => new(5, 1),
            ["Query.countries"] = _ => new(2, 250),
            // Introspection is read from memory: a flat price for the whole answer, nothing for what is inside.
            ["Query.__schema"] = _ => new(Schema, 0),
            ["Query.__type"] = _ => new(10, 0),
        };

    /// <summary>20 for one step, doubling with each further step allowed (default when the argument is omitted).</summary>
    private static double Doubling(FieldImpactContext field, string argument, int fallback, int max) =>
        20 * Math.Pow(2, Math.Clamp(field.GetArgument(argument, (int?)null) ?? fallback, 1, max) - 1);

    /// <summary>
    /// The rule of a field: its own, else, for the <c>nodes</c> or <c>edges</c> of a connection, 1 and as many items
    /// as the page's <c>first</c> (within the page sizes of <see cref="Paging"/>).
    /// </summary>
    public static Func<FieldImpactContext, FieldComplexityResult>? For(string parentType, string field) =>
        ByCoordinate.TryGetValue($"{parentType}.{field}", out var rule) ? rule
        : parentType.EndsWith("Connection", StringComparison.Ordinal) && field is "nodes" or "edges" ? Connection
        : null;

    private static FieldComplexityResult Connection(FieldImpactContext field) =>
        field.Parent is { FieldDefinition.Name: var paged } page && Paging.IsPaged(paged)
            ? new(1, Paging.Counted(paged, page.GetArgument("first", (int?)null)))
            : new(1, DefaultListSize);
}
