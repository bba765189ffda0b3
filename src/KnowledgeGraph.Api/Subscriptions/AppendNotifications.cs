using System.Threading.Channels;
using KnowledgeGraph.EventStore;
using Marten;
using Npgsql;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>
/// Wakes the event feed and the webhook dispatcher as soon as any process commits an append: a statement trigger of
/// our own (schema <c>kg_subscriptions</c>) on Marten's <c>mt_events</c> sends a NOTIFY, which PostgreSQL delivers at
/// commit. The CLI's imports notify too, without any setting in the CLI. A notification only says "look"; the events
/// are always read from the store, and a missed notification costs one poll interval, never an event.
/// </summary>
public sealed class AppendNotifications(NpgsqlDataSource dataSource, IDocumentStore store, ILogger<AppendNotifications> logger)
    : BackgroundService
{
    public const string Channel = "kg_event_appended";
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
                await InstallTriggerAsync(stoppingToken);
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

    private async Task InstallTriggerAsync(CancellationToken ct)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(JasperFx.Events.IEvent), ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Several API nodes may start together: one installs at a time.
        await using var command = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock(hashtext('kg_subscriptions.install'));
            CREATE SCHEMA IF NOT EXISTS kg_subscriptions;
            CREATE OR REPLACE FUNCTION kg_subscriptions.notify_event_appended() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN PERFORM pg_notify('{Channel}', ''); RETURN NULL; END $$;
            CREATE OR REPLACE TRIGGER kg_event_appended AFTER INSERT ON {EventStoreSetup.Schema}.mt_events
            FOR EACH STATEMENT EXECUTE FUNCTION kg_subscriptions.notify_event_appended();
            """, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
