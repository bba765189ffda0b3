using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;
using Marten;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg rebuild</c> as an operator runs it, over a real database.</summary>
public class RebuildCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Rebuild_HandsTheProjectionItsPosition_SoThatTheApiDoesNotReadEveryEventAgain()
    {
        var import = await KgProcess.RunAsync(database.ConnectionString, "import", GraphFixture.ScenarioFile("supply-chain.jsonl"));
        Assert.True(import.ExitCode == 0, import.Errors);

        var rebuild = await KgProcess.RunAsync(database.ConnectionString, "rebuild");

        Assert.True(rebuild.ExitCode == 0, rebuild.Errors);
        await using var store = database.CreateStore();
        var head = (await store.Advanced.FetchEventStoreStatistics(token: TestContext.Current.CancellationToken)).EventSequenceNumber;
        var progress = await store.Advanced.AllProjectionProgress(token: TestContext.Current.CancellationToken);
        Assert.Equal(head, Assert.Single(progress, p => p.ShardName == GraphSubscription.ShardName).Sequence);
        Assert.True(head > 30, $"the scenario holds more than 30 events, the store {head}");
    }
}
