namespace KnowledgeGraph.EventStore.Database;

/// <summary>
/// Where the product's database is: <c>KG_POSTGRES</c> when set (nothing is started), otherwise the embedded
/// cluster in <c>KG_DATA_DIR</c> (default: <c>.data/</c> at the top of the repository).
/// </summary>
public static class DatabaseLocator
{
    public static async Task<string> ConnectionStringAsync(DatabaseSettings settings, TextWriter log, CancellationToken ct = default) =>
        settings.IsExternal ? settings.Postgres! : await Embedded(settings, log).EnsureRunningAsync(ct);

    public static Task<string> FromEnvironmentAsync(TextWriter log, CancellationToken ct = default) =>
        ConnectionStringAsync(DatabaseSettings.FromEnvironment(), log, ct);

    /// <summary>The embedded cluster the settings name.</summary>
    public static EmbeddedPostgres Embedded(DatabaseSettings settings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new EmbeddedPostgres(string.IsNullOrEmpty(settings.DataDirectory) ? DefaultDataDirectory() : settings.DataDirectory, log,
            settings.Port, settings.ProgramsFolder);
    }

    /// <summary><c>.data/</c> beside KnowledgeGraph.sln, found from the working folder up; else in the working folder.</summary>
    public static string DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                return Path.Combine(dir.FullName, ".data");
            }
        }
        return Path.GetFullPath(".data");
    }
}
