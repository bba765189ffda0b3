using KnowledgeGraph.Api.GraphQL.Transport;
using Microsoft.Extensions.Configuration.Memory;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KnowledgeGraph.Api.Telemetry;

/// <summary>
/// OpenTelemetry the .NET way: metrics of ASP.NET Core, HttpClient, Npgsql, Marten and the product as Prometheus text at
/// <c>/metrics</c> always; when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads the standard OTEL_* variables),
/// metrics and traces of ASP.NET Core, HttpClient (webhooks, the Neo4j HTTP API), Npgsql and Marten (its projection
/// batches) over OTLP too. Logs are JSON lines when KG_LOG_FORMAT=json.
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddKnowledgeGraphTelemetry(this WebApplicationBuilder builder, DeploymentSettings deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        // ASP.NET Core's four lines per request cost more than an answer from the cache: warnings only, by default
        // (placed first, so that Logging__LogLevel__Microsoft.AspNetCore=Information in the environment still wins).
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        if (deployment.JsonLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        builder.Services.AddSingleton<StoreSampler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StoreSampler>());
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("knowledgegraph-api"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(KnowledgeGraphMetrics.MeterName, "Npgsql", "Marten")
                .AddPrometheusExporter());
        // Traces go only over OTLP: without it they are not recorded at all, since a span per request and per statement
        // that nobody receives costs allocations and time on every answer.
        if (!string.IsNullOrWhiteSpace(deployment.OtlpEndpoint))
        {
            telemetry.WithTracing(t => t
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("Marten"))
                .UseOtlpExporter();
        }
        return builder;
    }

    /// <summary><c>GET /metrics</c> in the Prometheus text format; the observable instruments read the store sampler.</summary>
    public static WebApplication MapKnowledgeGraphMetrics(this WebApplication app)
    {
        var sampler = app.Services.GetRequiredService<StoreSampler>();
        var database = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).Database ?? "";
        var endpoint = app.Services.GetRequiredService<GraphQLEndpoint>();
        var answers = app.Services.GetRequiredService<AnswerCache>();
        var meter = KnowledgeGraphMetrics.ObserveApplication(() => sampler.Latest, () => endpoint.Answered, () => answers.Hits, database);
        app.Lifetime.ApplicationStopped.Register(meter.Dispose);
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
