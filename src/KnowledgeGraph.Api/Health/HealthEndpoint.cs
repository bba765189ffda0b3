using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Ports;
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
                var position = await StorePosition.ReadAsync(store, database, ct);
                var projection = await graph.StatusAsync(ct);
                return Results.Ok(new
                {
                    status = projection.Errors == 0 ? "ok" : "degraded",
                    database = "up",
                    graphStore = settings.StoreName,
                    storedEvents = events.EventCount,
                    lastStoredSequence = position.LastStored,
                    lastProjectedSequence = position.Projected,
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
