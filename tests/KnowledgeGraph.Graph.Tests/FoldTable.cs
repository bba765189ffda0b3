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
    /// (the knowledge clocks aside: KnowledgeTimeTests hold them); and folding the stream's first events, then all of
    /// them carrying that fold forward, gives exactly what folding them all at once gives, clocks included.
    /// </summary>
    public static void Then(string stream, StreamEvent[] events, GraphNode[] nodes, GraphEdge[] edges)
    {
        var graph = Fold(stream, events).Current();
        Assert.Empty(graph.Errors);
        Assert.Equal(Described(nodes), Described(graph.Nodes.Select(n => n with { RecordedFrom = 0 })));
        Assert.Equal(Described(edges), Described(graph.Edges.Select(e => e with { RecordedFrom = 0 })));
    }

    /// <summary>The fold of the events, once it is checked that carrying forward the fold of any of their first events gives the same.</summary>
    public static StreamGraph Fold(string stream, IReadOnlyList<StreamEvent> events)
    {
        var whole = StreamFolder.Fold(stream, events);
        for (var first = 0; first < events.Count; first++)
        {
            var carried = StreamFolder.Fold(stream, events.Take(first).ToList());
            AssertSame(whole, StreamFolder.Fold(stream, events, carried));
        }
        return whole;
    }

    /// <summary>Two folds say the same: every version with its two clocks, every event of provenance, every error.</summary>
    public static void AssertSame(StreamGraph expected, StreamGraph actual)
    {
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(Described(expected.Nodes), Described(actual.Nodes));
        Assert.Equal(Described(expected.Edges), Described(actual.Edges));
        Assert.Equal(Described(expected.Events), Described(actual.Events));
        Assert.Equal(Described(expected.Errors), Described(actual.Errors));
    }

    public static List<string> Described<T>(IEnumerable<T> records) where T : class =>
        records.Select(r => $"{r.GetType().Name} {JsonSerializer.Serialize(r, r.GetType(), Everything)}").Order(StringComparer.Ordinal).ToList();
}
