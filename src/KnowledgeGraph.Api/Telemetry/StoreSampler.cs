using KnowledgeGraph.Api.Health;
using KnowledgeGraph.EventStore;
using Marten;
using Npgsql;

namespace KnowledgeGraph.Api.Telemetry;

/// <summary>Reads the store's head and the projection's lag twice a second, for the observable instruments.</summary>
internal sealed partial class StoreSampler(IDocumentStore store, NpgsqlDataSource database, ILogger<StoreSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private StoreSample _latest = new(0, 0);

    public StoreSample Latest => Volatile.Read(ref _latest);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var head = database.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {EventStoreSetup.Schema}.mt_events");
                var lastStored = (long)(await head.ExecuteScalarAsync(stoppingToken))!;
                var lag = await ProbeEndpoints.LagAsync(store, database, stoppingToken);
                Volatile.Write(ref _latest, new StoreSample(lastStored, lag));
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogUnavailable(logger, e.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await Task.Delay(Interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics: the event store could not be sampled: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
