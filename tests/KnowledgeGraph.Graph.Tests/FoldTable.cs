using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Projection;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>Given a stream's events, then the records its fold emits: every field, derived ones included.</summary>
internal static class FoldTable
{
    private static long _sequence;

    // Every public property, the derived ones too, so that a wrong derivation fails as surely as a wrong fact.
    private static readonly JsonSerializerOptions Everything = new() { Converters = { new JsonStringEnumConverter() } };

    public static StreamEvent Event(string id, string date, CatalogEvent data) =>
        new(Interlocked.Increment(ref _sequence), new EventEnvelope(id, Day(date), new Source("t", "p"), data));

    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Until(string? date) => date is null ? null : Day(date);

    /// <summary>
    /// The fold of the events emits exactly these nodes and relationships as still believed, in any order, and no error
    /// (the knowledge clocks aside: KnowledgeTimeTests hold them).
    /// </summary>
    public static void Then(string stream, StreamEvent[] events, GraphNode[] nodes, GraphEdge[] edges)
    {
        var graph = StreamFolder.Fold(stream, events).Current();
        Assert.Empty(graph.Errors);
        Assert.Equal(Described(nodes), Described(graph.Nodes.Select(n => n with { RecordedFrom = 0 })));
        Assert.Equal(Described(edges), Described(graph.Edges.Select(e => e with { RecordedFrom = 0 })));
    }

    public static List<string> Described<T>(IEnumerable<T> records) where T : class =>
        records.Select(r => $"{r.GetType().Name} {JsonSerializer.Serialize(r, r.GetType(), Everything)}").Order(StringComparer.Ordinal).ToList();
}
