using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using KnowledgeGraph.Graph.Ports;

[assembly: InternalsVisibleTo("KnowledgeGraph.Graph.Neo4j.Tests")]

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>
/// Creates the Neo4j writer and reader. Both share one <see cref="Neo4jQueryClient"/> per server, so that they share its
/// connection pool and its circuit breaker: when Neo4j is down, the projection and the API see it the same way.
/// </summary>
public static class Neo4jGraphStore
{
    private static readonly ConcurrentDictionary<Neo4jSettings, Neo4jQueryClient> Clients = new();

    public static IGraphWriter Writer(GraphSettings settings, IHttpClientFactory httpClients) => new Neo4jGraphWriter(ClientFor(settings, httpClients));

    public static IGraphReader Reader(GraphSettings settings, IHttpClientFactory httpClients) => new Neo4jGraphReader(ClientFor(settings, httpClients));

    private static Neo4jQueryClient ClientFor(GraphSettings settings, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var neo4j = settings.Neo4j
            ?? throw new InvalidOperationException("KG_GRAPH=neo4j needs KG_NEO4J_URL and KG_NEO4J_PASSWORD (the Neo4j settings are missing)");
        return Clients.GetOrAdd(neo4j, s => new Neo4jQueryClient(httpClients, s));
    }
}
