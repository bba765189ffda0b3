using System.Diagnostics;
using Marten;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// How far the graph projection has got, from the async daemon's checkpoint (whichever node projects), read at most
/// every 50 ms however many subscribers ask.
/// </summary>
public sealed class ProjectionProgress(IDocumentStore store) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _known;
    // Elapsed time, not the clock: a deadline and a refresh interval must not follow a clock set by hand or by a test.
    private long _readAt;

    /// <summary>Waits until the graph holds everything up to <paramref name="sequence"/>; false if that took longer than the limit.</summary>
    public async Task<bool> WaitForAsync(long sequence, TimeSpan limit, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _known) < sequence)
        {
            if (Stopwatch.GetElapsedTime(started) >= limit)
            {
                return false;
            }
            await RefreshAsync(ct);
            if (Volatile.Read(ref _known) < sequence)
            {
                await Task.Delay(Interval, ct);
            }
        }
        return true;
    }

    public void Dispose() => _refresh.Dispose();

    private async Task RefreshAsync(CancellationToken ct)
    {
        await _refresh.WaitAsync(ct);
        try
        {
            if (_readAt != 0 && Stopwatch.GetElapsedTime(_readAt) < Interval)
            {
                return;
            }
            Volatile.Write(ref _known, await Health.StorePosition.GraphCheckpointAsync(store, ct));
            _readAt = Stopwatch.GetTimestamp();
        }
        finally
        {
            _refresh.Release();
        }
    }
}
