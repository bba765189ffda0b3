namespace KnowledgeGraph.EventStore.Database;

/// <summary>
/// Where the product's database is: <c>KG_POSTGRES</c> when set (nothing is started), otherwise the embedded
/// cluster in <c>KG_DATA_DIR</c> (default: <c>.data/</c> at the top of the repository).
/// </summary>
public static class DatabaseLocator
{
    public static async Task<string> ConnectionStringAsync(string? postgres, string? dataDirectory, TextWriter log, CancellationToken ct = default) =>
        !string.IsNullOrWhiteSpace(postgres)
            ? postgres
            : await new EmbeddedPostgres(dataDirectory ?? DefaultDataDirectory(), log).EnsureRunningAsync(ct);

    public static Task<string> FromEnvironmentAsync(TextWriter log, CancellationToken ct = default) =>
        ConnectionStringAsync(
            Environment.GetEnvironmentVariable("KG_POSTGRES"),
            Environment.GetEnvironmentVariable("KG_DATA_DIR") is { Length: > 0 } dir ? dir : null,
            log, ct);

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
