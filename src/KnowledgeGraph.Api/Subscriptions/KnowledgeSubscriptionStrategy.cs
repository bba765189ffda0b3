using GraphQL;
using GraphQL.Execution;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// Answers each event of a subscription at its own knowledge point, the events stored up to it, and says which in the
/// <c>next</c> message's <c>extensions.knowledge { sequence, recordedAt }</c>, as a query's answer does.
/// </summary>
internal sealed class KnowledgeSubscriptionStrategy : SubscriptionExecutionStrategy
{
    protected override async ValueTask<ExecutionResult> ProcessDataAsync(global::GraphQL.Execution.ExecutionContext context, ExecutionNode node, object? value)
    {
        if (value is not IAtSequence e || context.RequestServices is not FreshLoaderServices services)
        {
            return await base.ProcessDataAsync(context, node, value);
        }
        var point = await services.GetRequiredService<IGraphReader>().Pinned(e.Sequence).KnowledgeAsync(Knowledge.All, context.CancellationToken);
        context.RequestServices = services.PinnedAt(point.Sequence);
        var result = await base.ProcessDataAsync(context, node, value);
        (result.Extensions ??= [])["knowledge"] = KnowledgeTime.Describe(point);
        return result;
    }
}
