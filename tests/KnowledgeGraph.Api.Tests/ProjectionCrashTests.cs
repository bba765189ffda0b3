using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// Crash safety: the API process is killed while it projects, between batches, and started again; the graph it ends
/// with is exactly the graph of an uninterrupted rebuild, compared as a full dump; so is the graph after kg rebuild.
/// </summary>
public class ProjectionCrashTests
{
    [Fact]
    public async Task Projection_KilledMidway_AndRestarted_EndsWithTheGraphOfAnUninterruptedRun()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var crashed = await TestDatabase.CreateAsync();
        int stored;
        await using (var store = crashed.CreateStore())
        {
            var summary = await new Importer(store, crashed.ConnectionString)
                .ImportAsync(JsonLinesSource.Read(JsonLinesSource.Files(RepositoryPaths.GraphSeed)), ct: ct);
            Assert.Empty(summary.Rejections);
            stored = summary.Stored;
        }

        var smallBatches = new Dictionary<string, string> { ["KG_PROJECTION_BATCH"] = "3" };
        long projectedAtKill;
        using (var first = ApiProcess.Start(crashed.ConnectionString, smallBatches))
        {
            projectedAtKill = await WaitForProgressThenKillAsync(first, ct);
        }
        using (var second = ApiProcess.Start(crashed.ConnectionString, smallBatches))
        {
            await HealthPolling.UntilProjectedAsync(second.Client, ct, TimeSpan.FromSeconds(300));
            second.Kill();
        }
        var (writer, _, dataSource) = GraphFixture.Postgres(crashed);
        await using var __ = dataSource;
        var afterCrash = await writer.DumpAsync(ct);

        await using var reference = await TestDatabase.CreateAsync();
        var (referenceWriter, _, referenceSource) = GraphFixture.Postgres(reference);
        await using var ___ = referenceSource;
        await GraphFixture.ImportAndProjectAsync(reference, referenceWriter, RepositoryPaths.GraphSeed);
        var uninterrupted = await referenceWriter.DumpAsync(ct);

        var rebuild = await KgProcess.RunAsync(crashed.ConnectionString, "rebuild");
        var rebuilt = await writer.DumpAsync(ct);

        Assert.InRange(projectedAtKill, 1, stored - 1);
        Assert.Equal(uninterrupted, afterCrash);
        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains($"{stored} events projected", rebuild.Output);
        Assert.Equal(uninterrupted, rebuilt);
    }

    /// <summary>Kills the process as soon as it has projected something (or the wait runs out); returns how far it got.</summary>
    private static async Task<long> WaitForProgressThenKillAsync(ApiProcess api, CancellationToken ct)
    {
        try
        {
            return await Eventually.UntilAsync("the API projected something",
                async () => (await HealthPolling.HealthAsync(api.Client, ct)).GetProperty("lastProjectedSequence").GetInt64(), projected => projected > 0);
        }
        finally
        {
            api.Kill();
        }
    }
}
