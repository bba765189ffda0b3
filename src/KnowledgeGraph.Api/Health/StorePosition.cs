using KnowledgeGraph.EventStore;
using KnowledgeGraph.Graph.Projection;
using Marten;
using Npgsql;

namespace KnowledgeGraph.Api.Health;

/// <summary>Where the event store and the graph projection stand: read here for the health endpoints, the metrics and the subscriptions.</summary>
public sealed record StorePosition(long LastStored, long Projected)
{
    /// <summary>Events stored and not yet reflected by the projection's durable checkpoint.</summary>
    public long Lag => LastStored - Projected;

    public static async Task<StorePosition> ReadAsync(IDocumentStore store, NpgsqlDataSource database, CancellationToken ct)
    {
        await using var lastEvent = database.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {EventStoreSetup.Schema}.mt_events");
        var lastStored = (long)(await lastEvent.ExecuteScalarAsync(ct))!;
        return new StorePosition(lastStored, Math.Min(await GraphCheckpointAsync(store, ct), lastStored));
    }

    /// <summary>The projection daemon's durable checkpoint: what the graph reflects, whichever process wrote it last.</summary>
    public static async Task<long> GraphCheckpointAsync(IDocumentStore store, CancellationToken ct) =>
        (await store.Advanced.AllProjectionProgress(token: ct))
            .FirstOrDefault(s => s.ShardName.StartsWith(GraphSubscription.SubscriptionName + ":", StringComparison.Ordinal))?.Sequence ?? 0;
}
