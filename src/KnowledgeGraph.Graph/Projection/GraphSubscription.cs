using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// Drives the projection from Marten's async daemon, which keeps a durable checkpoint per subscription in the
/// event store. After a crash the daemon re-delivers from the checkpoint; the projector's writes are idempotent.
/// </summary>
public sealed class GraphSubscription : SubscriptionBase
{
    public const string SubscriptionName = "graph";

    /// <summary>The name of its checkpoint in Marten's progression table (a subscription has one shard, "All").</summary>
    public const string ShardName = SubscriptionName + ":All";

    private readonly GraphProjector _projector;

    public GraphSubscription(GraphProjector projector)
    {
        _projector = projector;
        Name = SubscriptionName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await _projector.ProjectAsync(page.Events, operations, cancellationToken);
        return NullChangeListener.Instance;
    }
}
