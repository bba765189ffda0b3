using KnowledgeGraph.Api.Health;
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
                var position = await StorePosition.ReadAsync(store, database, stoppingToken);
                Volatile.Write(ref _latest, new StoreSample(position.LastStored, position.Lag));
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
