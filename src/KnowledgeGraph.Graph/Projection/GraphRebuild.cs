using KnowledgeGraph.Graph.Ports;
using Marten;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>
/// Drops the graph and projects every stored event again, in store order, with the projection's own code; then hands the
/// daemon the position it reached, so that the API's projection goes on from there instead of reading every event again.
/// </summary>
public static class GraphRebuild
{
    /// <summary>
    /// The page a rebuild reads and projects at once: ten times the live projection's batch, so that fewer streams
    /// straddle two pages (each is read again from the store) and each write carries more rows per statement.
    /// </summary>
    public const int LargePage = 5_000;

    public static async Task<long> RunAsync(IDocumentStore store, IGraphWriter writer, IProgress<long>? progress, int pageSize, CancellationToken ct)
    {
        await writer.ResetAsync(ct);
        var projector = new GraphProjector(writer);
        await using var session = store.QuerySession();
        long last = 0, done = 0;
        // The page being written while the next is read and folded: the graph store and the fold each keep a core busy.
        var writing = Task.CompletedTask;
        while (true)
        {
            var from = last;
            var batch = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > from)
                .OrderBy(e => e.Sequence)
                .Take(pageSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                await writing;
                await writer.AfterBulkLoadAsync(ct);
                await AdvanceCheckpointAsync(store, last, ct);
                progress?.Report(done);
                return done;
            }
            var prepared = await projector.PrepareAsync(batch, session, ct);
            await writing;
            progress?.Report(done);
            writing = projector.WriteAsync(prepared, ct);
            last = batch[^1].Sequence;
            done += batch.Count;
        }
    }

    /// <summary>
    /// Moves the graph subscription's checkpoint in Marten's progression table up to <paramref name="sequence"/>, never
    /// back: a daemon that got further while the rebuild ran (its writes are idempotent) keeps its place.
    /// </summary>
    private static async Task AdvanceCheckpointAsync(IDocumentStore store, long sequence, CancellationToken ct)
    {
        if (sequence == 0)
        {
            return;
        }
        await using var session = store.LightweightSession();
        session.QueueSqlCommand(
            $"INSERT INTO {store.Options.Events.DatabaseSchemaName}.mt_event_progression AS p (name, last_seq_id, last_updated) VALUES (?, ?, now()) " +
            "ON CONFLICT (name) DO UPDATE SET last_seq_id = GREATEST(p.last_seq_id, EXCLUDED.last_seq_id), last_updated = now()",
            GraphSubscription.ShardName, sequence);
        await session.SaveChangesAsync(ct);
    }
}
