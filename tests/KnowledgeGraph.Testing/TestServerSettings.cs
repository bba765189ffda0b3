namespace KnowledgeGraph.Testing;

/// <summary>
/// The settings every API a test starts has before the test's own: on a busy machine a question may take longer than the
/// shipped 10 s, and a test that is not about the timeout must not fail for it (the timeout's own tests set theirs).
/// </summary>
public static class TestServerSettings
{
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        ["KG_GRAPHQL_TIMEOUT_SECONDS"] = "60",
    };
}
