using System.Text.Json;
using JasperFx.Events;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using Marten;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// Turns a batch of stored events into graph changes: each stream the batch touches is folded again from its events
/// up to the batch's last sequence, and written in place of what it said before.
/// </summary>
public sealed class GraphProjector(IGraphWriter writer)
{
    public async Task ProjectAsync(IReadOnlyList<IEvent> batch, IQuerySession session, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var ceiling = batch.Max(e => e.Sequence);
        var keys = batch.Select(e => e.StreamKey!).Distinct(StringComparer.Ordinal).ToList();
        var stored = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey!.IsOneOf(keys) && e.Sequence <= ceiling)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        var graphs = stored.GroupBy(e => e.StreamKey!, StringComparer.Ordinal).Select(Fold).ToList();
        await writer.WriteAsync(graphs, ct);
    }

    private static StreamGraph Fold(IGrouping<string, IEvent> stream)
    {
        var events = new List<StreamEvent>();
        var unreadable = new List<ProjectionError>();
        foreach (var stored in stream)
        {
            try
            {
                events.Add(new StreamEvent(stored.Sequence, EnvelopeHeaders.Read(stored)));
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException)
            {
                unreadable.Add(new ProjectionError(stored.Sequence, stored.Id.ToString(), $"unreadable {stored.EventTypeName}: {e.Message}"));
            }
        }
        var graph = StreamFolder.Fold(stream.Key, events);
        return unreadable.Count == 0 ? graph : graph with
        {
            Sequence = Math.Max(graph.Sequence, stream.Max(e => e.Sequence)),
            Errors = [.. unreadable, .. graph.Errors],
        };
    }
}
