using KnowledgeGraph.EventStore.Settings;
using Marten;
using Npgsql;

namespace KnowledgeGraph.Api.Health;

/// <summary>
/// The probes of an orchestrator: <c>GET /health/live</c> (the process answers) and <c>GET /health/ready</c> (the
/// database answers and the graph is at most KG_READY_MAX_LAG events behind the event store; 503 otherwise, saying why).
/// </summary>
internal static class ProbeEndpoints
{
    public static void MapHealthProbes(this IEndpointRouteBuilder app)
    {
        var maxLag = app.ServiceProvider.GetRequiredService<DeploymentSettings>().ReadyMaxLag;
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (IDocumentStore store, NpgsqlDataSource database, CancellationToken ct) =>
        {
            long lag;
            try
            {
                lag = (await StorePosition.ReadAsync(store, database, ct)).Lag;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                return Results.Json(new { status = "not-ready", reason = $"the database does not answer: {e.Message}" },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            return lag <= maxLag
                ? Results.Ok(new { status = "ready", projectionLag = lag })
                : Results.Json(new { status = "not-ready", projectionLag = lag, reason = $"the graph is {lag} events behind the store ({Setting.Name<DeploymentSettings>(nameof(DeploymentSettings.ReadyMaxLag))} is {maxLag})" },
                    statusCode: StatusCodes.Status503ServiceUnavailable);
        });
    }
}
