using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Projection;
using Npgsql;

namespace KnowledgeGraph.Bench;

/// <summary>
/// Generated event files (<c>kg generate</c>, seed 1) and the stores loaded from them, shared by the figures of a run:
/// each size is generated once and imported once; a store is projected once, by the first figure that needs its graph.
/// </summary>
public sealed class Workload(string folder) : IAsyncDisposable
{
    public const int ProjectionBatch = 500;
    private readonly Dictionary<int, string> _files = [];
    private readonly Dictionary<int, Store> _stores = [];

    /// <summary>A database holding one size's events, how long their import took, and whether its graph is projected.</summary>
    public sealed class Store(BenchDatabase database, double importSeconds)
    {
        public BenchDatabase Database { get; } = database;

        public string ConnectionString => Database.ConnectionString;

        public double ImportSeconds { get; } = importSeconds;

        public bool Projected { get; set; }
    }

    public static Workload Create() =>
        new(Directory.CreateTempSubdirectory("kg-bench-").FullName);

    /// <summary>A JSON Lines file of about ten events per organization.</summary>
    public async Task<string> EventsAsync(int orgs)
    {
        if (!_files.TryGetValue(orgs, out var file))
        {
            file = Path.Combine(folder, $"generated-{orgs}.jsonl");
            var info = ChildProcess.Dotnet(RepositoryPaths.Cli, ["generate", "--orgs", orgs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "1"]);
            await ChildProcess.RunAsync(info, TimeSpan.FromMinutes(30), file);
            _files[orgs] = file;
        }
        return file;
    }

    /// <summary>Keeps a database into which a figure imported the events of <paramref name="orgs"/> organizations, for the next figures.</summary>
    public Store Keep(int orgs, BenchDatabase database, double importSeconds) => _stores[orgs] = new Store(database, importSeconds);

    /// <summary>The store of <paramref name="orgs"/> organizations, imported in-process (and timed) unless a figure already did.</summary>
    public async Task<Store> ImportedAsync(string server, int orgs)
    {
        if (!_stores.TryGetValue(orgs, out var store))
        {
            var file = await EventsAsync(orgs);
            var database = await BenchDatabase.CreateAsync(server, $"store_{orgs}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ImportAsync(database.ConnectionString, file);
            store = Keep(orgs, database, clock.Elapsed.TotalSeconds);
        }
        return store;
    }

    /// <summary>The store of <paramref name="orgs"/> organizations with its graph projected (by a rebuild, the first time).</summary>
    public async Task<Store> ProjectedAsync(string server, int orgs)
    {
        var store = await ImportedAsync(server, orgs);
        if (!store.Projected)
        {
            await RebuildAsync(store.ConnectionString);
            store.Projected = true;
        }
        return store;
    }

    public static int CountEvents(string file) => JsonLinesSource.CountLines([file]);

    /// <summary>Imports the file with the product's importer; fails if any line is rejected (the workload must be valid).</summary>
    public static async Task ImportAsync(string connectionString, string file)
    {
        await using var store = EventStoreSetup.CreateStore(connectionString);
        var summary = await new Importer(store, connectionString).ImportAsync(JsonLinesSource.Read([file]));
        if (summary.Rejections.Count > 0)
        {
            throw new InvalidOperationException($"the generated file was rejected: {summary.Rejections[0]}");
        }
    }

    /// <summary>Projects every stored event into the PostgreSQL graph with the product's rebuild; returns the event count.</summary>
    public static async Task<long> RebuildAsync(string connectionString)
    {
        await using var store = EventStoreSetup.CreateStore(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await GraphRebuild.RunAsync(store, new PostgresGraphWriter(dataSource), null, GraphRebuild.LargePage, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores.Values)
        {
            await store.Database.DisposeAsync();
        }
        Directory.Delete(folder, recursive: true);
    }
}
