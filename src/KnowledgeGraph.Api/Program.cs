using KnowledgeGraph.Api.Health;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Database;
using Marten;

var builder = WebApplication.CreateBuilder(args);
var connectionString = await DatabaseLocator.ConnectionStringAsync(
    builder.Configuration["KG_POSTGRES"], builder.Configuration["KG_DATA_DIR"], Console.Error);
builder.Services.AddMarten(options => EventStoreSetup.Configure(options, connectionString));

var app = builder.Build();
app.MapHealth();
await app.RunAsync();

/// <summary>The entry point, visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
