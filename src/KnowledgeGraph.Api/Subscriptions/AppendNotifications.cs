using System.Threading.Channels;
using Npgsql;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// Wakes the event feed as soon as any process commits an append: Marten itself sends a NOTIFY with every append
/// (<c>UseListenNotifyForEventAppends</c>, set in the one event store configuration, so the CLI's imports notify too),
/// which PostgreSQL delivers at commit. A notification only says "look"; the events are always read from the store,
/// and a missed notification costs one poll interval, never an event.
/// </summary>
public sealed class AppendNotifications(NpgsqlDataSource dataSource, ILogger<AppendNotifications> logger)
    : BackgroundService
{
    /// <summary>The channel Marten notifies on after an append.</summary>
    public const string Channel = "mt_events_appended";
    private readonly Lock _lock = new();
    private readonly List<ChannelWriter<bool>> _listeners = [];

    /// <summary>A reader that holds at most one pending wake-up.</summary>
    public ChannelReader<bool> Subscribe()
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_lock)
        {
            _listeners.Add(channel.Writer);
        }
        return channel.Reader;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => Wake();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                Wake();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                SubscriptionLog.ListenFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    private void Wake()
    {
        lock (_lock)
        {
            foreach (var listener in _listeners)
            {
                listener.TryWrite(true);
            }
        }
    }
}
