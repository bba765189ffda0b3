using KnowledgeGraph.Graph.Ports;
using Marten;

namespace KnowledgeGraph.Graph.Projection;

/// <summary>Drops the graph and projects every stored event again, in store order, with the projection's own code.</summary>
public static class GraphRebuild
{
    public static async Task<long> RunAsync(IDocumentStore store, IGraphWriter writer, IProgress<long>? progress, int batchSize, CancellationToken ct)
    {
        await writer.ResetAsync(ct);
        var projector = new GraphProjector(writer);
        await using var session = store.QuerySession();
        long last = 0, done = 0;
        while (true)
        {
            var from = last;
            var batch = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > from)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                await writer.AfterBulkLoadAsync(ct);
                return done;
            }
            await projector.ProjectAsync(batch, session, ct);
            last = batch[^1].Sequence;
            done += batch.Count;
            progress?.Report(done);
        }
    }
}
