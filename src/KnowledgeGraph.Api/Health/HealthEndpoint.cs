using KnowledgeGraph.EventStore;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using Marten;
using Npgsql;

namespace KnowledgeGraph.Api.Health;

internal static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /health</c>: the database, the event store's last stored sequence and the projection's checkpoint,
    /// and the projection errors (events that could not be applied). 503 when a store is down.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IDocumentStore store, IGraphWriter graph, GraphSettings settings, NpgsqlDataSource database, CancellationToken ct) =>
        {
            try
            {
                var events = await store.Advanced.FetchEventStoreStatistics(token: ct);
                await using var lastEvent = database.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {EventStoreSetup.Schema}.mt_events");
                var lastStored = (long)(await lastEvent.ExecuteScalarAsync(ct))!;
                // The projection daemon's durable checkpoint: what the graph reflects, whoever wrote it last.
                var checkpoint = (await store.Advanced.AllProjectionProgress(token: ct))
                    .FirstOrDefault(s => s.ShardName.StartsWith(GraphSubscription.SubscriptionName + ":", StringComparison.Ordinal))?.Sequence ?? 0;
                var projection = await graph.StatusAsync(ct);
                return Results.Ok(new
                {
                    status = projection.Errors == 0 ? "ok" : "degraded",
                    database = "up",
                    graphStore = settings.Store,
                    storedEvents = events.EventCount,
                    lastStoredSequence = lastStored,
                    lastProjectedSequence = Math.Min(checkpoint, lastStored),
                    graph = new { nodes = projection.Nodes, relationships = projection.Edges, lastWrittenSequence = projection.ProjectedSequence },
                    projectionErrors = new
                    {
                        count = projection.Errors,
                        recent = projection.RecentErrors.Select(e => new { sequence = e.Sequence, eventId = e.EventId, reason = e.Reason }),
                    },
                });
            }
            catch (Exception e) when (e is NpgsqlException or HttpRequestException or TimeoutException)
            {
                return Results.Json(new { status = "unavailable", database = "down", error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
}
