namespace KnowledgeGraph.Testing;

/// <summary>
/// What scripts/test.sh installs and builds before the tests (node modules, web bundles, chromium): the tests use it
/// and never install anything themselves, so a missing piece fails at once, saying what to run.
/// </summary>
public static class BuiltByTestScript
{
    public static void Require(string path, string what)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Fail($"{what} ({path}) is missing: scripts/test.sh installs and builds what the tests need");
        }
    }
}
