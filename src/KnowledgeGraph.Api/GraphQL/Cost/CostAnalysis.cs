using GraphQL.Validation.Complexity;
using KnowledgeGraph.Api.GraphQL.Transport;
using KnowledgeGraph.Api.Telemetry;

namespace KnowledgeGraph.Api.GraphQL.Cost;

/// <summary>
/// Plugs the weights and the guard into GraphQL.NET's complexity analyzer, which runs during validation of every
/// operation (HTTP and WebSocket alike): the maximum cost per request, then the client's budget and the gate for
/// expensive questions, before anything is executed.
/// </summary>
internal static class CostAnalysis
{
    public static void Configure(ComplexityOptions options, GraphQLLimits limits, CostGuard guard)
    {
        options.MaxDepth = limits.MaxDepth;
        options.MaxComplexity = limits.MaxComplexity;
        options.DefaultListImpactMultiplier = CostWeights.DefaultListSize;
        var otherwise = options.DefaultComplexityImpactDelegate;
        options.DefaultComplexityImpactDelegate = field =>
            field.FieldDefinition is { } definition && CostWeights.For(field.ParentType.Name, definition.Name) is { } rule
                ? rule(field)
                : otherwise(field);
        options.ValidateComplexityDelegate = async context =>
        {
            if (context.ValidationContext.UserContext is not IGraphQLRequestContext request)
            {
                return;
            }
            request.Cost.Requested = Math.Ceiling(context.TotalImpact);
            KnowledgeGraphMetrics.QuestionCost.Record(request.Cost.Requested.Value);
            if (context.Error is null)
            {
                context.Error = await guard.AdmitAsync(request.Client, request.Cost, context.ValidationContext.CancellationToken);
            }
        };
    }
}
