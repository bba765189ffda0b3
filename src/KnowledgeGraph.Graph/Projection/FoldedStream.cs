using System.Text.Json;
using JasperFx.Events;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// A stream's stored events, the ones the graph store refused set aside as errors, and what the others say in the
/// graph. Its sequence is always that of the stream's last event, set aside or not.
/// </summary>
internal sealed class FoldedStream
{
    private readonly string _stream;
    private readonly long _sequence;
    private readonly IReadOnlyList<ProjectionError> _setAside;
    private readonly FoldCache? _cache;

    public FoldedStream(string stream, IReadOnlyList<IEvent> kept, IReadOnlyList<ProjectionError> setAside, long? sequence = null, FoldCache? cache = null)
    {
        (_stream, Kept, _setAside, _cache) = (stream, kept, setAside, cache);
        _sequence = sequence ?? kept.Max(e => e.Sequence);
        Graph = Fold();
    }

    public IReadOnlyList<IEvent> Kept { get; }

    public StreamGraph Graph { get; }

    /// <summary>The stream as if only its first <paramref name="count"/> kept events were stored.</summary>
    public FoldedStream Prefix(int count) => new(_stream, Kept.Take(count).ToList(), _setAside, cache: _cache);

    public FoldedStream SetAside(int index, string reason)
    {
        var refused = Kept[index];
        var id = EnvelopeHeaders.HasEnvelope(refused) ? EnvelopeHeaders.Read(refused).Id : refused.Id.ToString();
        var error = new ProjectionError(refused.Sequence, id, $"the graph store refused {refused.EventTypeName}: {reason}");
        return new FoldedStream(_stream, Kept.Where((_, i) => i != index).ToList(), [.. _setAside, error], _sequence, _cache);
    }

    private StreamGraph Fold()
    {
        var events = new List<StreamEvent>();
        var errors = new List<ProjectionError>(_setAside);
        foreach (var stored in Kept)
        {
            try
            {
                events.Add(new StreamEvent(stored.Sequence, EnvelopeHeaders.Read(stored), stored.Timestamp));
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException)
            {
                errors.Add(new ProjectionError(stored.Sequence, stored.Id.ToString(), $"unreadable {stored.EventTypeName}: {e.Message}"));
            }
        }
        var graph = _cache?.Fold(_stream, events) ?? StreamFolder.Fold(_stream, events);
        return errors.Count == 0 && graph.Sequence == _sequence ? graph : graph with
        {
            Sequence = _sequence,
            Errors = [.. errors, .. graph.Errors],
        };
    }
}
