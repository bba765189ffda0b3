using JasperFx.Events;
using KnowledgeGraph.Graph.Ports;
using Marten;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// Turns a batch of stored events into graph changes: each stream the batch touches is folded again from its events
/// up to the batch's last sequence, and written in place of what it said before. A stream whose events all came with
/// the batch is folded from them; only the others are read from the store. An event the graph store refuses is set
/// aside as a projection error, and the rest of its stream and of the batch is written without it. Each stream's last
/// fold is carried forward to the next (see <see cref="FoldCache"/>).
/// </summary>
public sealed class GraphProjector(IGraphWriter writer)
{
    private readonly FoldCache _folds = new();

    public async Task ProjectAsync(IReadOnlyList<IEvent> batch, IQuerySession session, CancellationToken ct) =>
        await WriteAsync(await PrepareAsync(batch, session, ct), ct);

    /// <summary>
    /// Reads what the batch's streams lack from the store and folds them: all the work of a batch but the write, so that
    /// a rebuild can fold one page while the graph store writes the one before.
    /// </summary>
    public async Task<PreparedBatch> PrepareAsync(IReadOnlyList<IEvent> batch, IQuerySession session, CancellationToken ct)
    {
        var events = batch.Where(e => !EventStore.EnvelopeHeaders.IsTombstone(e)).ToList();
        if (events.Count == 0)
        {
            return new PreparedBatch([]);
        }
        var ceiling = events.Max(e => e.Sequence);
        var streams = events.GroupBy(e => e.StreamKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Sequence).ToList(), StringComparer.Ordinal);
        var partial = streams.Where(s => !IsWhole(s.Value)).Select(s => s.Key).ToList();
        if (partial.Count > 0)
        {
            var stored = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey!.IsOneOf(partial) && e.Sequence <= ceiling)
                .OrderBy(e => e.Sequence)
                .ToListAsync(ct);
            foreach (var stream in stored.GroupBy(e => e.StreamKey!, StringComparer.Ordinal))
            {
                streams[stream.Key] = [.. stream];
            }
        }
        return new PreparedBatch(streams.Select(s => new FoldedStream(s.Key, s.Value, [], cache: _folds)).ToList());
    }

    /// <summary>Writes a prepared batch; batches must be written one at a time, in the order they were prepared.</summary>
    public Task WriteAsync(PreparedBatch prepared, CancellationToken ct) =>
        prepared.Streams.Count == 0 ? Task.CompletedTask : WriteAsync(prepared.Streams, ct);

    /// <summary>A stream's events from its first version on, with no gap.</summary>
    private static bool IsWhole(List<IEvent> events) => events[0].Version == 1 && events[^1].Version == events.Count;

    private async Task WriteAsync(List<FoldedStream> streams, CancellationToken ct)
    {
        try
        {
            await writer.WriteAsync(streams.Select(s => s.Graph).ToList(), ct);
        }
        catch (GraphStoreRefusedException) when (streams.Count > 1)
        {
            var half = streams.Count / 2;
            await WriteAsync(streams.Take(half).ToList(), ct);
            await WriteAsync(streams.Skip(half).ToList(), ct);
        }
        catch (GraphStoreRefusedException refusal)
        {
            await WriteSettingAsideAsync(streams[0], refusal, ct);
        }
    }

    /// <summary>
    /// Finds, by halving, the first event of the stream without which the store takes it, sets it aside, and tries
    /// again until the store takes the rest. Only the stream's last write counts: it carries the stream's last sequence.
    /// </summary>
    private async Task WriteSettingAsideAsync(FoldedStream stream, GraphStoreRefusedException refusal, CancellationToken ct)
    {
        while (stream.Kept.Count > 0)
        {
            int low = 1, high = stream.Kept.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (await IsRefusedAsync(stream.Prefix(middle), ct) is { } refused)
                {
                    (high, refusal) = (middle, refused);
                }
                else
                {
                    low = middle + 1;
                }
            }
            stream = stream.SetAside(low - 1, refusal.Message);
            if (await IsRefusedAsync(stream, ct) is not { } again)
            {
                return;
            }
            refusal = again;
        }
        // Refused with no event left: what it refuses is the stream's name itself, and nothing can be written for it.
        throw refusal;
    }

    private async Task<GraphStoreRefusedException?> IsRefusedAsync(FoldedStream stream, CancellationToken ct)
    {
        try
        {
            await writer.WriteAsync([stream.Graph], ct);
            return null;
        }
        catch (GraphStoreRefusedException e)
        {
            return e;
        }
    }
}

/// <summary>A batch read and folded, waiting to be written (<see cref="GraphProjector.PrepareAsync"/>).</summary>
public sealed class PreparedBatch
{
    internal PreparedBatch(List<FoldedStream> streams) => Streams = streams;

    internal List<FoldedStream> Streams { get; }
}
