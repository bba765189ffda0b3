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
        services.AddGraphHttpClients();
        services.AddSingleton<IGraphWriter>(sp => CreateWriter(settings, CreateDataSource(
            new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "kg-projection", MaxPoolSize = 8 }.ConnectionString),
            sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton<IGraphReader>(sp => CreateReader(settings, sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton<GraphProjector>();
        services.AddMarten(options => EventStoreSetup.Configure(options, connectionString))
            .AddSubscriptionWithServices<GraphSubscription>(ServiceLifetime.Singleton, o => o.Options.BatchSize = settings.ProjectionBatchSize)
            .AddAsyncDaemon(DaemonMode.HotCold);
        return services;
    }

    /// <summary>
    /// The graph's connections, with PostgreSQL's JIT compilation off: the questions are short statements whose cost
    /// estimates cross the JIT threshold, and compiling them took longer (hundreds of ms) than running them. The
    /// statements a connection runs often are prepared (Npgsql's automatic preparation, unless the connection string
    /// sets Max Auto Prepare): the questions are few and long, and parsing them again each time cost a fifth of the
    /// mixed load's throughput.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"{builder.Options} -c jit=off";
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = 64;
        }
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public static IGraphWriter CreateWriter(GraphSettings settings, NpgsqlDataSource dataSource, IHttpClientFactory httpClients) =>
        settings.IsNeo4j ? Neo4jGraphStore.Writer(settings, httpClients) : new PostgresGraphWriter(dataSource);

    public static IGraphReader CreateReader(GraphSettings settings, NpgsqlDataSource dataSource, IHttpClientFactory httpClients) =>
        settings.IsNeo4j ? Neo4jGraphStore.Reader(settings, httpClients) : new PostgresGraphReader(dataSource);

    /// <summary>
    /// Neo4j's HttpClient, from the factory. Its connections are recycled every five minutes (so DNS changes are seen),
    /// and it has no timeout of its own: the adapter's Polly timeout bounds each call, and a second one would race it.
    /// </summary>
    public static IServiceCollection AddGraphHttpClients(this IServiceCollection services)
    {
        services.AddHttpClient(Neo4jQueryClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }

    /// <summary>The same HttpClient factory, for a process without a container of its own (the CLI, tests).</summary>
    public static IHttpClientFactory HttpClientFactory() =>
        new ServiceCollection().AddGraphHttpClients().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
}
