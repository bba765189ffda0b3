using KnowledgeGraph.Testing;

namespace KnowledgeGraph.EventStore.Tests;

/// <summary>The newcomer's path: no KG_POSTGRES, an empty data folder, and the CLI brings up its own PostgreSQL.</summary>
public class EmbeddedDatabaseTests
{
    [Fact]
    public async Task Import_StartsAPrivatePostgres_InAnEmptyDataFolder()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"kg-empty-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string?> { ["KG_POSTGRES"] = null, ["KG_DATA_DIR"] = dataDir, ["KG_PG_PORT"] = null };
        var file = Path.Combine(AppContext.BaseDirectory, "Data", "mixed.jsonl");
        try
        {
            var import = await KgProcess.RunAsync(environment, "import", file);
            var status = await KgProcess.RunAsync(environment, "db", "status");
            var again = await KgProcess.RunAsync(environment, "import", file);
            var stop = await KgProcess.RunAsync(environment, "db", "stop");
            var after = await KgProcess.RunAsync(environment, "db", "status");

            Assert.Contains("Creating a PostgreSQL cluster", import.Errors);
            Assert.Contains("5 stored, 0 unchanged, 14 rejected", import.Output);
            Assert.StartsWith("running on 127.0.0.1:", status.Output);
            Assert.DoesNotContain("Creating", again.Errors);
            Assert.Contains("0 stored, 5 unchanged, 14 rejected", again.Output);
            Assert.Equal("stopped", stop.Output.Trim());
            Assert.StartsWith("not running", after.Output);
        }
        finally
        {
            await KgProcess.RunAsync(environment, "db", "stop");
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
