using KnowledgeGraph.Domain.Events;
using Marten;

namespace KnowledgeGraph.EventStore.Export;

/// <summary>Writes every stored event, in store order, as a line of the import format.</summary>
public static class Exporter
{
    public static async Task<int> ExportAsync(IDocumentStore store, TextWriter writer, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var count = 0;
        var events = session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToAsyncEnumerable(ct);
        await foreach (var stored in events)
        {
            if (EnvelopeHeaders.IsTombstone(stored))
            {
                continue;
            }
            await writer.WriteLineAsync(EventJson.ToLine(EnvelopeHeaders.Read(stored)).AsMemory(), ct);
            // Counted apart: in progress?.Report(++count) the increment is skipped with the reporter.
            count++;
            progress?.Report(count);
        }
        await writer.FlushAsync(ct);
        return count;
    }
}
