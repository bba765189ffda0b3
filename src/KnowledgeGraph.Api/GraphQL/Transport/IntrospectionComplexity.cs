using GraphQL.Validation.Complexity;

namespace KnowledgeGraph.Api.GraphQL.Transport;

internal static class IntrospectionComplexity
{
    /// <summary>
    /// Introspection costs nothing against the complexity limit: it reads the schema in memory, never the graph store,
    /// and GraphiQL's own introspection query would otherwise count as a six-figure complexity (lists within lists).
    /// Its depth is still limited.
    /// </summary>
    public static Func<FieldImpactContext, FieldComplexityResult> Free(Func<FieldImpactContext, FieldComplexityResult> otherwise) =>
        context => context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
            || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                ? new FieldComplexityResult(0, 1)
                : otherwise(context);
}
