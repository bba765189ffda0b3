using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>Collects what a stream's fold produces.</summary>
internal sealed class GraphBuilder
{
    public List<GraphNode> Nodes { get; } = [];
    public List<GraphEdge> Edges { get; } = [];
    public List<ProjectionError> Errors { get; } = [];

    public void Node(string label, string id, DateOnly validFrom, JsonObject properties, IEnumerable<StreamEvent> events) =>
        Nodes.Add(new GraphNode(label, id, validFrom, properties, events.Select(e => e.Envelope.Id).ToList()));

    public void Edge(string type, (string Label, string Id) from, (string Label, string Id) to, string key,
        DateOnly validFrom, DateOnly? validTo, JsonObject properties, params StreamEvent?[] events) =>
        Edges.Add(new GraphEdge(type, from.Label, from.Id, to.Label, to.Id, key, validFrom, validTo, properties,
            events.OfType<StreamEvent>().Select(e => e.Envelope.Id).Distinct().ToList()));

    /// <summary>One edge per member of a set that changes over time, each valid while the member stays in the set.</summary>
    public void SetEdges(string type, (string Label, string Id) from, Func<string, (string Label, string Id)> target,
        IEnumerable<Period<IReadOnlyList<string>?>> periods)
    {
        var open = new Dictionary<string, (DateOnly From, DateOnly? To, StreamEvent Event)>(StringComparer.Ordinal);
        var closed = new List<(string Member, DateOnly From, DateOnly? To, StreamEvent Event)>();
        foreach (var period in periods)
        {
            var members = (period.Value ?? []).Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in open.Keys.Where(m => !members.Contains(m)).ToList())
            {
                var (start, _, source) = open[gone];
                closed.Add((gone, start, period.From, source));
                open.Remove(gone);
            }
            foreach (var member in members)
            {
                open[member] = open.TryGetValue(member, out var running)
                    ? running with { To = period.To }
                    : (period.From, period.To, period.Source);
            }
        }
        closed.AddRange(open.Select(o => (o.Key, o.Value.From, o.Value.To, o.Value.Event)));
        foreach (var (member, start, end, source) in closed)
        {
            Edge(type, from, target(member), member, start, end, [], source);
        }
    }

    public void Error(StreamEvent e, string reason) => Errors.Add(new ProjectionError(e.Sequence, e.Envelope.Id, reason));

    public static (string, string) Org(string id) => (Labels.Organization, id);

    public static (string, string) ProductOrCategory(string code) =>
        (Products.IsProduct(code) ? Labels.Product : Labels.Category, code);

    public static (string, string) CountryOrBloc(string code) =>
        (Vocabularies.Blocs.Contains(code) ? Labels.Bloc : Labels.Country, code);

    public static JsonArray Array(IEnumerable<string>? values) => new((values ?? []).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonValue? Date(DateOnly? date) => date is { } d ? JsonValue.Create(Dates.Format(d)) : null;
}
