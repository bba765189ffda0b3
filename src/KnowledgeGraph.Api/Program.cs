using KnowledgeGraph.Api;
using KnowledgeGraph.Api.Explorer;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Health;
using KnowledgeGraph.Api.Subscriptions;
using KnowledgeGraph.Api.Telemetry;
using KnowledgeGraph.Api.Webhooks;
using KnowledgeGraph.EventStore.Database;
using KnowledgeGraph.EventStore.Settings;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Ports;

var builder = WebApplication.CreateBuilder(args);
var deployment = builder.Services.AddSettings<DeploymentSettings>(builder.Configuration);
// The one clock: "today" for questions without asOf, webhook signatures, leases. Tests replace it.
builder.Services.AddSingleton(TimeProvider.System);
builder.AddKnowledgeGraphTelemetry(deployment);
var connectionString = await DatabaseLocator.ConnectionStringAsync(
    deployment.Check(SettingsBinding.Read<DatabaseSettings>(builder.Configuration)), Console.Error);
builder.Services.AddKnowledgeGraph(connectionString, builder.Configuration);
builder.Services.AddKnowledgeGraphSchema(connectionString);
builder.Services.AddKnowledgeGraphGraphQL(builder.Configuration);
builder.Services.AddKnowledgeGraphSubscriptions(builder.Configuration);
builder.Services.AddKnowledgeGraphWebhooks(builder.Configuration);

var app = builder.Build();
await app.Services.GetRequiredService<IGraphWriter>().EnsureSchemaAsync(app.Lifetime.ApplicationStopping);
app.UseGraphQLShapedFailures();
app.UseGraphQLWebSockets();
app.UseRateLimiter();
app.MapHealth();
app.MapHealthProbes();
app.MapKnowledgeGraphGraphQL();
app.MapExplorer();
app.MapKnowledgeGraphMetrics();
await app.RunAsync();

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
