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
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        // The projection writes through a pool of its own, so that readers holding every connection never starve it.
        services.AddSingleton<IGraphWriter>(_ => CreateWriter(settings, NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "kg-projection", MaxPoolSize = 8 }.ConnectionString)));
        services.AddSingleton<IGraphReader>(sp => CreateReader(settings, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<GraphProjector>();
        services.AddMarten(options => EventStoreSetup.Configure(options, connectionString))
            .AddSubscriptionWithServices<GraphSubscription>(ServiceLifetime.Singleton, o => o.Options.BatchSize = settings.ProjectionBatchSize)
            .AddAsyncDaemon(DaemonMode.HotCold);
        return services;
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
