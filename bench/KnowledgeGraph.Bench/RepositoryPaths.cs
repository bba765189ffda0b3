namespace KnowledgeGraph.Bench;

/// <summary>The repository and the programs the benchmarks start, each from its own build output (same configuration).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Release or Debug, as this runner was built.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Release";

    public static string Cli => Output("src/KnowledgeGraph.Cli", "kg.dll");

    public static string Api => Output("src/KnowledgeGraph.Api", "KnowledgeGraph.Api.dll");

    public static string Self => typeof(RepositoryPaths).Assembly.Location;

    private static string Output(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{dll} is not built; run scripts/bench.sh (it builds first)", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"KnowledgeGraph.sln is not above {AppContext.BaseDirectory}");
    }
}
