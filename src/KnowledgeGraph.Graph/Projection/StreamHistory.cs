using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using Marten;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// What a stream's stored events up to a sequence say in the graph, folded with the projection's own code straight
/// from the event store: for readers that must know what an event did without waiting for the projection to write it.
/// </summary>
public static class StreamHistory
{
    public static async Task<StreamGraph> FoldAsync(IQuerySession session, StreamId id, long upTo, CancellationToken ct)
    {
        var stream = id.ToString();
        var stored = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == stream && e.Sequence <= upTo)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        var events = stored.Where(e => !EventStore.EnvelopeHeaders.IsTombstone(e)).ToList();
        // The fold keeps every version it ever believed (knowledge time); a reader asks what is believed after upTo.
        return events.Count == 0 ? new StreamGraph(stream, 0, [], [], [], []) : new FoldedStream(stream, events, []).Graph.Current();
    }
}
