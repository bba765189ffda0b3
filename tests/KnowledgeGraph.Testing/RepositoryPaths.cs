namespace KnowledgeGraph.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding KnowledgeGraph.sln, found from the test binaries up.</summary>
    public static string Root { get; } = FindRoot();

    public static string GraphSeed => Path.Combine(Root, "graph-seed");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeGraph.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"KnowledgeGraph.sln not found above {AppContext.BaseDirectory}");
    }
}
