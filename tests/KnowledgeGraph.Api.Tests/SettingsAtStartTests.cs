using System.Diagnostics;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Every kind of bad setting stops the real API process at start, naming the setting and what is wrong with its value.</summary>
public class SettingsAtStartTests
{
    [Theory]
    [InlineData("KG_GRAPHQL_MAX_DEPTH", "0", "it must be a whole number above 0")]
    [InlineData("KG_RATE_LIMIT_PER_MINUTE", "many", "to type 'System.Int32'")]
    [InlineData("KG_GRAPHQL_TIMEOUT_SECONDS", "-1", "it must be a number of seconds above 0")]
    [InlineData("KG_WS_INIT_TIMEOUT_SECONDS", "1s", "to type 'System.Double'")]
    [InlineData("KG_WEBHOOK_MAX_ATTEMPTS", "0", "it must be a whole number above 0")]
    [InlineData("KG_ANSWER_CACHE_MB", "-1", "it must be a whole number, 0 or more")]
    [InlineData("KG_PROJECTION_BATCH", "lots", "to type 'System.Int32'")]
    [InlineData("KG_GRAPH", "mongodb", "it must be one of 'postgres', 'neo4j'")]
    [InlineData("KG_NEO4J_URL", "localhost:7474", "it must be an absolute http(s) address")]
    [InlineData("KG_ENV", "prod", "it must be one of 'production', 'development'")]
    [InlineData("KG_LOG_FORMAT", "xml", "it must be one of 'text', 'json'")]
    [InlineData("KG_READY_MAX_LAG", "-5", "it must be a whole number above 0")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector", "it must be an absolute http(s) address")]
    public async Task ABadValue_StopsTheApiAtStart_NamingTheSettingAndTheProblem(string setting, string value, string problem)
    {
        var (exitCode, output) = await RunApiAsync(new Dictionary<string, string> { [setting] = value });

        Assert.NotEqual(0, exitCode);
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", output, StringComparison.Ordinal);
        Assert.Contains(problem, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neo4jAsTheStore_WithoutItsAddressAndPassword_StopsTheApiAtStart_NamingBoth()
    {
        var (exitCode, output) = await RunApiAsync(new Dictionary<string, string> { ["KG_GRAPH"] = "neo4j" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("KG_GRAPH=neo4j needs KG_NEO4J_URL", output, StringComparison.Ordinal);
        Assert.Contains("KG_GRAPH=neo4j needs KG_NEO4J_PASSWORD", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the built API with the settings over a database address that nothing answers at: the settings are refused
    /// before any connection is tried, so the process must stop on its own. It is killed if it does not.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> RunApiAsync(IReadOnlyDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        info.Environment["KG_POSTGRES"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        var run = await ChildProcess.RunAsync(info, TimeSpan.FromSeconds(120));
        return (run.ExitCode, run.Errors + run.Output);
    }
}
