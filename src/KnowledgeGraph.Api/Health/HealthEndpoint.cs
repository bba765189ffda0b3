using Marten;
using Npgsql;

namespace KnowledgeGraph.Api.Health;

internal static class HealthEndpoint
{
    /// <summary><c>GET /health</c>: 200 with the database status and the event store's counts, 503 when the database is down.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (IDocumentStore store, CancellationToken ct) =>
        {
            try
            {
                var statistics = await store.Advanced.FetchEventStoreStatistics(token: ct);
                return Results.Ok(new
                {
                    status = "ok",
                    database = "up",
                    storedEvents = statistics.EventCount,
                    streams = statistics.StreamCount,
                    lastStoredSequence = statistics.EventSequenceNumber,
                });
            }
            catch (NpgsqlException e)
            {
                return Results.Json(new { status = "unavailable", database = "down", error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
}
