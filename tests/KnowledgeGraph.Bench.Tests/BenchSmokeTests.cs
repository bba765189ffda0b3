using System.Diagnostics;

namespace KnowledgeGraph.Bench.Tests;

/// <summary>
/// A benchmark is not a test: nothing here asserts a time. This runs every benchmark once at the tiny size, in the
/// database the tests use (KG_POSTGRES, or the embedded one in KG_DATA_DIR), so that none of them rots.
/// </summary>
public sealed class BenchSmokeTests
{
    private static readonly string[] Rows = ["1", "1m", "1o", "2", "2l", "2r", "3a", "3b", "3c", "3d", "3e", "3f", "3g", "3h", "3i", "3j", "3k", "3l", "3m", "3n", "4a", "4b", "4c", "4d", "4e", "4f", "4g", "4h", "4i", "4j", "5", "6a", "6b"];

    [Fact]
    public async Task Runner_PrintsEveryFigure_AtTheTinySize()
    {
        // Given the runner, built beside these tests in the same configuration
        var output = Directory.CreateTempSubdirectory("kg-bench-smoke-");
        try
        {
            // When it runs every benchmark once at the tiny size
            var (exitCode, stdout, stderr) = await RunAsync("run", "--size", "tiny", "--out", output.FullName);

            // Then it completes, and its table has a row for every figure, written to the results file too
            Assert.True(exitCode == 0, $"the runner exited with {exitCode}:\n{stderr}");
            foreach (var row in Rows)
            {
                Assert.Contains($"\n| {row} |", stdout, StringComparison.Ordinal);
            }
            Assert.Contains("Subscription delivery latency", stdout, StringComparison.Ordinal);
            // And what it timed was right: the API answered as the reference did, and no load request failed
            Assert.DoesNotContain("JSON differs", stdout, StringComparison.Ordinal);
            Assert.DoesNotMatch(@", \d+ failed", stdout);
            var written = Assert.Single(output.GetFiles("*.md"));
            Assert.Equal(stdout.Trim(), (await File.ReadAllTextAsync(written.FullName, TestContext.Current.CancellationToken)).Trim());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Runner_RefusesAFigureThatDoesNotExist_NamingTheChoices()
    {
        // When the runner is asked for figure 9 alone
        var (exitCode, _, stderr) = await RunAsync("run", "--only", "3,9");

        // Then it stops before measuring anything, and says which figures there are
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--only takes figure numbers among 1,2,2l,3,4,5", stderr, StringComparison.Ordinal);
        Assert.Contains("'9'", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RunnerPath());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return (process.ExitCode, await output, await errors);
    }

    private static string RunnerPath()
    {
        var baseDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var configuration = new DirectoryInfo(baseDirectory).Parent!.Name;
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var runner = Path.Combine(dir.FullName, "bench", "KnowledgeGraph.Bench", "bin", configuration, "net10.0", "KnowledgeGraph.Bench.dll");
            if (File.Exists(runner))
            {
                return runner;
            }
        }
        throw new FileNotFoundException($"KnowledgeGraph.Bench.dll ({configuration}) is not built above {baseDirectory}");
    }
}
