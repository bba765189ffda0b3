using JasperFx.Events.Daemon;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Settings;
using KnowledgeGraph.Graph.Neo4j;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Projection;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KnowledgeGraph.Graph;

public static class GraphSetup
{
    /// <summary>
    /// The event store, the graph store chosen by the settings, and the projection between them, run by Marten's async
    /// daemon in hot/cold mode: with several API nodes, one is elected to project.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraph(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        var settings = services.AddSettings<GraphSettings>(configuration);
        services.AddSingleton(_ => CreateDataSource(connectionString));
        // The projection writes through a pool of its own, so that readers holding every connection never starve it.
        services.AddSingleton<IGraphWriter>(_ => CreateWriter(settings, CreateDataSource(
            new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "kg-projection", MaxPoolSize = 8 }.ConnectionString)));
        services.AddSingleton<IGraphReader>(sp => CreateReader(settings, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<GraphProjector>();
        services.AddMarten(options => EventStoreSetup.Configure(options, connectionString))
            .AddSubscriptionWithServices<GraphSubscription>(ServiceLifetime.Singleton, o => o.Options.BatchSize = settings.ProjectionBatchSize)
            .AddAsyncDaemon(DaemonMode.HotCold);
        return services;
    }

    /// <summary>
    /// The graph's connections, with PostgreSQL's JIT compilation off: the questions are short statements whose cost
    /// estimates cross the JIT threshold, and compiling them took longer (hundreds of ms) than running them.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"{builder.Options} -c jit=off";
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public static IGraphWriter CreateWriter(GraphSettings settings, NpgsqlDataSource dataSource) =>
        settings.IsNeo4j ? Neo4jGraphStore.Writer(settings) : new PostgresGraphWriter(dataSource);

    public static IGraphReader CreateReader(GraphSettings settings, NpgsqlDataSource dataSource) =>
        settings.IsNeo4j ? Neo4jGraphStore.Reader(settings) : new PostgresGraphReader(dataSource);
}
