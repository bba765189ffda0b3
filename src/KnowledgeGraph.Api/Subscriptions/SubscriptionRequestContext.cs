using KnowledgeGraph.Api.GraphQL.Cost;
using KnowledgeGraph.Api.GraphQL.Transport;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>The user context of an operation run over a socket or an event stream: the connection's credentials, budget and close.</summary>
internal sealed class SubscriptionRequestContext(bool authenticated, string client, ISubscriptionHost host)
    : Dictionary<string, object?>, IGraphQLRequestContext, ISubscriptionHost
{
    public bool Authenticated { get; } = authenticated;

    public string Client { get; } = client;

    public RequestCost Cost { get; } = new();

    public SemaphoreSlim SendBudget => host.SendBudget;

    public int MaxPendingEvents => host.MaxPendingEvents;

    public TimeSpan SendTimeout => host.SendTimeout;

    public void CloseTooSlow(string reason) => host.CloseTooSlow(reason);
}

/// <summary>
/// The services of a subscription: a new set of graph loaders each time one is asked for, so that a long-lived
/// subscription never answers from a cache filled by an earlier event (and never grows one without bound); while one
/// event is answered, loaders pinned at its knowledge point.
/// </summary>
internal sealed class FreshLoaderServices(IServiceProvider services, long? pinned = null) : IServiceProvider
{
    public FreshLoaderServices PinnedAt(long sequence) => new(services, sequence);

    public object? GetService(Type serviceType)
    {
        if (serviceType != typeof(GraphQL.Loading.GraphLoaders))
        {
            return services.GetService(serviceType);
        }
        var loaders = ActivatorUtilities.CreateInstance<GraphQL.Loading.GraphLoaders>(services);
        if (pinned is { } sequence)
        {
            loaders.Pin(sequence);
        }
        return loaders;
    }
}
