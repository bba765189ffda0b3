using System.Collections.Concurrent;
using GraphQL.DataLoader;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Api.GraphQL.Loading;

/// <summary>The loaders of one request: nodes by id, relationships by node, provenance events by id.</summary>
public sealed class GraphLoaders(IGraphReader reader)
{
    private readonly ConcurrentDictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Knowledge, DateOnly), GraphLoaders> _scoped = new();
    private IGraphReader? _pinned;

    public IGraphReader Reader => reader;

    /// <summary>Reads what names no knowledge point at this one, the point the request reports (before any read).</summary>
    public void Pin(long sequence) => _pinned = reader.Pinned(sequence);

    /// <summary>The loaders of the same request reading the graph as the knowledge describes it, nodes with their attributes at the world date.</summary>
    public GraphLoaders At(Knowledge knowledge, DateOnly asOf) =>
        _scoped.GetOrAdd((knowledge, asOf), k => new GraphLoaders((k.Item1.IsAll ? _pinned ?? reader : reader.KnownAt(k.Item1)).AttributesAsOf(k.Item2)));

    public IDataLoaderResult<GraphNode?> Node(string label, string id) => NodeLoader(label).Load(id);

    /// <summary>Nodes a question already read whole: their fields below it read nothing more.</summary>
    public void Prime(IEnumerable<GraphNode> nodes)
    {
        foreach (var node in nodes)
        {
            NodeLoader(node.Label).Prime(node.Id, node);
        }
    }

    private BatchLoader<string, GraphNode> NodeLoader(string label) =>
        Loader($"node:{label}", (IReadOnlyCollection<string> ids, CancellationToken ct) => Index(reader.NodesAsync(label, ids, ct), n => n.Id));

    public IDataLoaderResult<IReadOnlyList<GraphNode>> Nodes(string label, IReadOnlyList<string> ids) =>
        new ThenResult<GraphNode?[], IReadOnlyList<GraphNode>>(new AllOf<GraphNode?>(ids.Select(id => Node(label, id)).ToList()),
            nodes => new Loaded<IReadOnlyList<GraphNode>>(nodes.OfType<GraphNode>().ToList()));

    /// <summary>The relationships of given types leaving (<paramref name="outgoing"/>) or reaching a node, valid at the date (all versions when null).</summary>
    public IDataLoaderResult<IReadOnlyList<GraphEdge>?> Edges(string id, IReadOnlyCollection<string> types, bool outgoing, DateOnly? asOf)
    {
        var signature = $"edges:{string.Join(',', types)}:{outgoing}:{asOf}";
        return Loader(signature, async (IReadOnlyCollection<string> ids, CancellationToken ct) =>
        {
            var edges = await reader.EdgesAsync(outgoing ? new EdgeQuery(types, ids, null, asOf) : new EdgeQuery(types, null, ids, asOf), ct);
            return (IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>)edges
                .GroupBy(e => outgoing ? e.FromId : e.ToId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<GraphEdge>)g.ToList(), StringComparer.Ordinal);
        }).Load(id);
    }

    public IDataLoaderResult<IReadOnlyList<ProvenanceEvent>> Events(IReadOnlyList<string> eventIds) =>
        new ThenResult<ProvenanceEvent?[], IReadOnlyList<ProvenanceEvent>>(
            new AllOf<ProvenanceEvent?>(eventIds.Select(id =>
                Loader("events", (IReadOnlyCollection<string> ids, CancellationToken ct) => Index(reader.EventsAsync(ids, ct), e => e.EventId)).Load(id)).ToList()),
            events => new Loaded<IReadOnlyList<ProvenanceEvent>>(events.OfType<ProvenanceEvent>()
                .OrderBy(e => e.EffectiveDate).ThenBy(e => e.Sequence).ToList()));

    private BatchLoader<string, T> Loader<T>(string name, Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch) =>
        (BatchLoader<string, T>)_loaders.GetOrAdd(name, _ => new BatchLoader<string, T>(fetch));

    private static async Task<IReadOnlyDictionary<string, T>> Index<T>(Task<IReadOnlyList<T>> items, Func<T, string> key) =>
        (await items).ToDictionary(key, StringComparer.Ordinal);
}
