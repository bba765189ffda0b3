using System.Threading.Channels;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>What a subscription needs from the connection that carries it: a send budget, and a way to give up on it.</summary>
public interface ISubscriptionHost
{
    /// <summary>One permit per event handed to GraphQL and not yet sent; the connection releases one per message sent.</summary>
    SemaphoreSlim SendBudget { get; }

    /// <summary>How many live events may wait for a slow client before it is disconnected.</summary>
    int MaxPendingEvents { get; }

    /// <summary>How long a subscription may wait for room in the send budget (a client that stopped reading) before it is disconnected.</summary>
    TimeSpan SendTimeout { get; }

    /// <summary>Closes the connection, telling the client why (it resumes with afterSequence).</summary>
    void CloseTooSlow(string reason);
}

/// <summary>
/// A subscription's events, in sequence order: with a cursor, first the stored events after it (read from the store at
/// the client's pace), then, once caught up with the feed, the live ones, without gap or duplicate; without a cursor,
/// only live events. <paramref name="map"/> filters (null: skip) and shapes each event.
/// </summary>
public sealed class EventFeedSubscription<T>(
    EventFeed feed, long? afterSequence, Func<StoredEvent, CancellationToken, Task<T?>> map, ISubscriptionHost? host)
    : IObservable<T> where T : class
{
    private const int Page = 200;

    public IDisposable Subscribe(IObserver<T> observer)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(() => RunAsync(observer, stop.Token), CancellationToken.None);
        return new Stop(stop);
    }

    private async Task RunAsync(IObserver<T> observer, CancellationToken ct)
    {
        var inbox = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(host?.MaxPendingEvents ?? 1000) { SingleReader = true });
        var cursor = 0L;
        try
        {
            await feed.Started.WaitAsync(ct);
            cursor = afterSequence ?? feed.Head;
            while (true)
            {
                var head = feed.Head;
                if (cursor < head)
                {
                    var page = await feed.Reader.ReadAsync(cursor, head, Page, ct);
                    foreach (var e in page)
                    {
                        await DeliverAsync(observer, e, ct);
                        cursor = e.Sequence;
                    }
                    cursor = page.Count < Page ? head : cursor;
                }
                else if (feed.TryAttach(inbox.Writer, cursor))
                {
                    break;
                }
            }
            while (await inbox.Reader.WaitToReadAsync(ct))
            {
                while (inbox.Reader.TryRead(out var e))
                {
                    if (e.Sequence > cursor)
                    {
                        await DeliverAsync(observer, e, ct);
                        cursor = e.Sequence;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client completed the subscription or went away.
        }
        catch (SubscriberTooSlowException e) when (host is not null)
        {
            await UntilSentAsync(host, ct);
            // The resume point first: a WebSocket close reason holds at most 123 bytes, and a longer one is cut.
            host.CloseTooSlow($"Too slow: resume with afterSequence: {cursor}; {e.Message}");
        }
        catch (Exception e)
        {
            observer.OnError(e);
        }
        finally
        {
            feed.Detach(inbox.Writer);
        }
    }

    private async Task DeliverAsync(IObserver<T> observer, StoredEvent e, CancellationToken ct)
    {
        if (await map(e, ct) is not { } value)
        {
            return;
        }
        if (host is not null)
        {
            // Replayed and live events alike: a client that stops reading is disconnected, never waited for forever.
            if (!await host.SendBudget.WaitAsync(host.SendTimeout, ct))
            {
                throw new SubscriberTooSlowException(e.Sequence,
                    $"stopped reading: {host.MaxPendingEvents} events (KG_WS_MAX_PENDING_EVENTS) unsent for {host.SendTimeout.TotalSeconds:0.###} s (KG_WS_SEND_TIMEOUT_SECONDS) at sequence {e.Sequence}");
            }
        }
        observer.OnNext(value);
    }

    /// <summary>
    /// Takes back every send permit, so that each event handed over (up to the cursor) has been written to the client
    /// before the close, which jumps the queue, names where to resume; a client that stopped reading is not waited for
    /// longer than KG_WS_SEND_TIMEOUT_SECONDS.
    /// </summary>
    private static async Task UntilSentAsync(ISubscriptionHost host, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(host.SendTimeout);
        try
        {
            for (var i = 0; i < host.MaxPendingEvents; i++)
            {
                await host.SendBudget.WaitAsync(limit.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The client stopped reading or went away: it is closed as it is.
        }
    }

    private sealed class Stop(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose() => stop.Cancel();
    }
}
