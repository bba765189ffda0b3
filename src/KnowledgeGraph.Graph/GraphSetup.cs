using JasperFx.Events.Daemon;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.Graph.Neo4j;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Projection;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KnowledgeGraph.Graph;

public static class GraphSetup
{
    /// <summary>
    /// The event store, the graph store chosen by the settings, and the projection between them, run by Marten's async
    /// daemon in hot/cold mode: with several API nodes, one is elected to project.
    /// </summary>
    public static IServiceCollection AddKnowledgeGraph(this IServiceCollection services, string connectionString, GraphSettings settings)
    {
        services.AddSingleton(settings);
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

    public static IGraphWriter CreateWriter(GraphSettings settings, NpgsqlDataSource dataSource) => settings.Store switch
    {
        GraphSettings.Postgres => new PostgresGraphWriter(dataSource),
        GraphSettings.Neo4jStore => Neo4jGraphStore.Writer(settings),
        _ => throw new InvalidOperationException($"graph store '{settings.Store}' is not available in this build"),
    };

    public static IGraphReader CreateReader(GraphSettings settings, NpgsqlDataSource dataSource) => settings.Store switch
    {
        GraphSettings.Postgres => new PostgresGraphReader(dataSource),
        GraphSettings.Neo4jStore => Neo4jGraphStore.Reader(settings),
        _ => throw new InvalidOperationException($"graph store '{settings.Store}' is not available in this build"),
    };
}
