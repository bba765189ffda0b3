using System.CommandLine;
using KnowledgeGraph.EventStore.Database;

namespace KnowledgeGraph.Cli;

/// <summary><c>kg db start|stop|status</c>: the embedded PostgreSQL cluster in KG_DATA_DIR.</summary>
internal static class DatabaseCommand
{
    public static Command Create()
    {
        var start = new Command("start", "Create (first time) and start the embedded PostgreSQL; print its connection string");
        start.SetAction(async (_, ct) =>
        {
            Console.WriteLine(await Embedded().EnsureRunningAsync(ct));
            return ExitCodes.Ok;
        });
        var stop = new Command("stop", "Stop the embedded PostgreSQL");
        stop.SetAction(async (_, ct) =>
        {
            Console.WriteLine(await Embedded().StopAsync(ct) ? "stopped" : "not running");
            return ExitCodes.Ok;
        });
        var status = new Command("status", "Say whether the embedded PostgreSQL runs, and where");
        status.SetAction(async (_, ct) =>
        {
            var embedded = Embedded();
            var port = await embedded.StatusAsync(ct);
            Console.WriteLine(port is null ? $"not running (data in {embedded.DataDirectory})" : $"running on 127.0.0.1:{port} (cluster in {embedded.ClusterDirectory})");
            return port is null ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return new Command("db", "The embedded PostgreSQL used when KG_POSTGRES is not set") { start, stop, status };
    }

    private static EmbeddedPostgres Embedded()
    {
        var settings = DatabaseSettings.FromEnvironment();
        return settings.IsExternal
            ? throw new InvalidOperationException("KG_POSTGRES is set: the product uses that database and starts none of its own")
            : DatabaseLocator.Embedded(settings, Console.Error);
    }
}
