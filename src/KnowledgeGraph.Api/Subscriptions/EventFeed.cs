using System.Threading.Channels;
using Npgsql;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// One per process: follows the event store's safe head (woken by the append notification, or by a poll when a
/// notification is missed) and hands each new event, in sequence order, to the live subscribers attached to it.
/// It never waits for a subscriber: one whose inbox is full is detached and told why, and resumes from the store.
/// </summary>
public sealed class EventFeed(
    EventStoreReader reader, AppendNotifications notifications, SubscriptionSettings settings, ILogger<EventFeed> logger)
    : BackgroundService
{
    private const int Page = 500;
    private readonly Lock _lock = new();
    private readonly List<ChannelWriter<StoredEvent>> _subscribers = [];
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SafeHead _head = new(reader, settings.GapGrace, TimeProvider.System);
    private long _published;

    /// <summary>The last sequence handed to live subscribers: everything up to it can be read from the store.</summary>
    public long Head
    {
        get
        {
            lock (_lock)
            {
                return _published;
            }
        }
    }

    public EventStoreReader Reader => reader;

    /// <summary>Completes once the feed knows the store's head (subscribers wait for it before reading).</summary>
    public Task Started => _started.Task;

    /// <summary>
    /// Attaches an inbox for live events after <paramref name="cursor"/>, only if nothing was published past it
    /// (otherwise the caller reads the store up to <see cref="Head"/> and tries again): no gap, no duplicate.
    /// </summary>
    public bool TryAttach(ChannelWriter<StoredEvent> inbox, long cursor)
    {
        lock (_lock)
        {
            if (cursor != _published)
            {
                return false;
            }
            _subscribers.Add(inbox);
            return true;
        }
    }

    public void Detach(ChannelWriter<StoredEvent> inbox)
    {
        lock (_lock)
        {
            _subscribers.Remove(inbox);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var wake = notifications.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishAsync(stoppingToken);
                _started.TrySetResult();
                var interval = _head.Waiting ? TimeSpan.FromMilliseconds(100) : settings.PollInterval;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(interval);
                await wake.WaitToReadAsync(timeout.Token).AsTask().ContinueWith(_ => { }, TaskScheduler.Default);
                while (wake.TryRead(out _))
                {
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                SubscriptionLog.FeedReadFailed(logger, e);
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task PublishAsync(CancellationToken ct)
    {
        if (!await _head.AdvanceAsync(ct))
        {
            return;
        }
        var target = _head.Value;
        while (Head < target)
        {
            var events = await reader.ReadAsync(Head, target, Page, ct);
            lock (_lock)
            {
                foreach (var e in events)
                {
                    foreach (var inbox in _subscribers.ToList())
                    {
                        if (!inbox.TryWrite(e))
                        {
                            _subscribers.Remove(inbox);
                            inbox.TryComplete(new SubscriberTooSlowException(_published));
                        }
                    }
                    _published = e.Sequence;
                }
                _published = Math.Max(_published, events.Count < Page ? target : _published);
            }
        }
    }
}

/// <summary>A live subscriber fell further behind than its buffer allows; it must resume from the store.</summary>
public sealed class SubscriberTooSlowException(long lastPublished, string? reason = null)
    : Exception(reason ?? $"more than KG_WS_MAX_PENDING_EVENTS live events waiting at sequence {lastPublished}");
