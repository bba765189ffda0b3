using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace KnowledgeGraph.EventStore.Database;

/// <summary>
/// A private PostgreSQL cluster in a data folder, run from the machine's PostgreSQL programs. The first process
/// that needs it (server, CLI or tests) creates and starts it; the others find it running and connect.
/// It keeps running until <see cref="StopAsync"/> (scripts/run.sh stops what it started). The port it starts on and the
/// folder of the PostgreSQL programs are found unless given (see <see cref="DatabaseSettings"/>).
/// </summary>
public sealed class EmbeddedPostgres(string dataDirectory, TextWriter log, int? configuredPort = null, string? programsFolder = null)
{
    public const string DatabaseName = "knowledgegraph";
    private const int PreferredPort = 55432;

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    /// <summary>The cluster's folder; as root it must be reachable by the postgres user, so it may live elsewhere.</summary>
    public string ClusterDirectory => Path.Combine(ReachableRoot(), "postgres");

    public async Task<string> EnsureRunningAsync(CancellationToken ct = default)
    {
        Directory.CreateDirectory(DataDirectory);
        using var guard = await LockAsync(ct);
        var bin = await PostgresBinaries.FindOrInstallAsync(programsFolder, log, ct);
        var cluster = ClusterDirectory;
        if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            await InitializeAsync(bin, cluster, ct);
        }
        var port = await RunningPortAsync(bin, cluster, ct) ?? await StartAsync(bin, cluster, ct);
        var server = $"Host=127.0.0.1;Port={port};Username=postgres";
        await CreateDatabaseAsync(server, ct);
        return $"{server};Database={DatabaseName}";
    }

    /// <summary>Stops the cluster if it runs; true when it was running.</summary>
    public async Task<bool> StopAsync(CancellationToken ct = default)
    {
        using var guard = await LockAsync(ct);
        var bin = await PostgresBinaries.FindOrInstallAsync(programsFolder, log, ct);
        if (await RunningPortAsync(bin, ClusterDirectory, ct) is null)
        {
            return false;
        }
        await PgAsync(bin, "pg_ctl", ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], ct);
        return true;
    }

    /// <summary>The port of the running cluster, or null when it is not running.</summary>
    public async Task<int?> StatusAsync(CancellationToken ct = default) =>
        File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION"))
            ? await RunningPortAsync(await PostgresBinaries.FindOrInstallAsync(programsFolder, log, ct), ClusterDirectory, ct)
            : null;

    private async Task InitializeAsync(string bin, string cluster, CancellationToken ct)
    {
        log.WriteLine($"Creating a PostgreSQL cluster in {cluster}");
        Directory.CreateDirectory(cluster);
        if (Environment.IsPrivilegedProcess)
        {
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", cluster], ct);
        }
        await PgAsync(bin, "initdb", ["-D", cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
    }

    private async Task<int> StartAsync(string bin, string cluster, CancellationToken ct)
    {
        var port = ChoosePort(configuredPort);
        log.WriteLine($"Starting PostgreSQL on 127.0.0.1:{port} (data in {cluster})");
        // Every process (API nodes, CLI, test classes run in parallel) keeps its own connection pools: room for them.
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=400";
        var serverLog = Path.Combine(cluster, "server.log");
        try
        {
            await PgAsync(bin, "pg_ctl", ["-D", cluster, "-l", serverLog, "-o", options, "-w", "-t", "60", "start"], ct);
        }
        catch (InvalidOperationException e) when (File.Exists(serverLog))
        {
            var tail = (await File.ReadAllLinesAsync(serverLog, ct)).TakeLast(10);
            throw new InvalidOperationException($"{e.Message}\nLast lines of {serverLog}:\n{string.Join('\n', tail)}", e);
        }
        return port;
    }

    private static async Task<int?> RunningPortAsync(string bin, string cluster, CancellationToken ct)
    {
        var pidFile = Path.Combine(cluster, "postmaster.pid");
        if (!File.Exists(pidFile) || await ProcessRunner.ExitCodeAsync(PgCommand(bin, "pg_ctl", ["-D", cluster, "status"]), ct) != 0)
        {
            return null;
        }
        // postmaster.pid: pid, data directory, start time, port, ... (PostgreSQL's documented layout)
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private static int ChoosePort(int? configured) => configured ?? (IsFree(PreferredPort) ? PreferredPort : FreePort());

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task CreateDatabaseAsync(string server, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection($"{server};Database=postgres;Pooling=false");
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            // A database name cannot be a parameter; this one is a constant of ours.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static Task<string> PgAsync(string bin, string program, IEnumerable<string> arguments, CancellationToken ct) =>
        ProcessRunner.RunAsync(PgCommand(bin, program, arguments), ct);

    /// <summary>PostgreSQL's programs refuse to run as root: as root they run as the postgres user.</summary>
    private static string[] PgCommand(string bin, string program, IEnumerable<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? ["runuser", "-u", "postgres", "--", Path.Combine(bin, program), .. arguments]
            : [Path.Combine(bin, program), .. arguments];

    /// <summary>
    /// PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres user, who must be able to
    /// reach it: when a parent of the data folder is closed to others, the cluster goes to a folder of its own
    /// under /var/tmp, named after the data folder, and we say so.
    /// </summary>
    private string ReachableRoot()
    {
        if (!Environment.IsPrivilegedProcess || IsReachableByOthers(DataDirectory))
        {
            return DataDirectory;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DataDirectory)))[..12];
        var fallback = Path.Combine("/var/tmp", $"knowledgegraph-{hash}");
        if (!Directory.Exists(fallback))
        {
            log.WriteLine($"The postgres user cannot reach {DataDirectory}; the cluster lives in {fallback} instead.");
            Directory.CreateDirectory(fallback);
        }
        return fallback;
    }

    private static bool IsReachableByOthers(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && !dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }
        return true;
    }

    private async Task<FileStream> LockAsync(CancellationToken ct)
    {
        var path = Path.Combine(DataDirectory, "postgres.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                // Another process is creating or starting the cluster: wait for it, then connect.
                await Task.Delay(100, ct);
            }
        }
    }
}
