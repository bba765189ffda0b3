namespace KnowledgeGraph.EventStore.Database;

/// <summary>Finds the machine's PostgreSQL server programs, installing Debian's package when run as root.</summary>
internal static class PostgresBinaries
{
    private const string InstallHint =
        "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them (Debian/Ubuntu: sudo apt-get install -y postgresql), "
        + "point KG_PG_BIN at their folder, or set KG_POSTGRES to the connection string of a database you run.";

    public static async Task<string> FindOrInstallAsync(string? configured, TextWriter log, CancellationToken ct)
    {
        if (Find(configured) is { } found)
        {
            return found;
        }
        if (!Environment.IsPrivilegedProcess || !File.Exists("/usr/bin/apt-get"))
        {
            throw new InvalidOperationException(InstallHint);
        }
        log.WriteLine("PostgreSQL server programs not found: installing the Debian package 'postgresql' (apt-get)...");
        await ProcessRunner.RunAsync("/usr/bin/apt-get", ["update", "-q"], ct);
        await ProcessRunner.RunAsync("/usr/bin/apt-get", ["install", "-y", "-q", "postgresql"], ct);
        return Find(configured) ?? throw new InvalidOperationException(InstallHint);
    }

    private static string? Find(string? configured)
    {
        if (configured is { Length: > 0 })
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured
                : throw new InvalidOperationException($"KG_PG_BIN is '{configured}', but it holds no initdb");
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin");
            }
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }
}
