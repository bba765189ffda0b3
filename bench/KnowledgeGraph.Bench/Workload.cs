using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Graph.Projection;
using Npgsql;

namespace KnowledgeGraph.Bench;

/// <summary>Generated event files (<c>kg generate</c>, seed 1) and graphs loaded from them, shared by the figures of a run.</summary>
public sealed class Workload(string folder) : IDisposable
{
    public const int ProjectionBatch = 500;
    private readonly Dictionary<int, string> _files = [];

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

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
