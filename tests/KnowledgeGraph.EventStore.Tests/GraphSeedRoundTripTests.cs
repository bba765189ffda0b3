using KnowledgeGraph.EventStore.Export;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.EventStore.Tests;

/// <summary>The curated data set: imports cleanly, idempotently, and survives an export/import round trip.</summary>
public class GraphSeedRoundTripTests
{
    private static IEnumerable<InputLine> Seed() => JsonLinesSource.Read(JsonLinesSource.Files(RepositoryPaths.GraphSeed));

    [Fact]
    public async Task GraphSeed_ImportsWithNoRejection_AndStoresNothingTheSecondTime()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = database.CreateStore();
        var importer = new Importer(store, database.ConnectionString);

        var first = await importer.ImportAsync(Seed(), ct: TestContext.Current.CancellationToken);
        var second = await importer.ImportAsync(Seed(), ct: TestContext.Current.CancellationToken);

        Assert.Empty(first.Rejections);
        Assert.True(first.Stored > 0);
        Assert.Equal((0, first.Stored, 0), (second.Stored, second.Unchanged, second.Rejections.Count));
    }

    [Fact]
    public async Task Export_ThenImportIntoAnEmptyStore_GivesTheSameEvents()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var store = database.CreateStore();
        await new Importer(store, database.ConnectionString).ImportAsync(Seed(), ct: TestContext.Current.CancellationToken);
        var exported = await ExportAsync(store);

        await using var empty = await TestDatabase.CreateAsync();
        await using var emptyStore = empty.CreateStore();
        var summary = await new Importer(emptyStore, empty.ConnectionString)
            .ImportAsync(exported.Select((text, i) => new InputLine("export.jsonl", i + 1, text)), ct: TestContext.Current.CancellationToken);
        var reExported = await ExportAsync(emptyStore);

        Assert.Empty(summary.Rejections);
        Assert.Equal(exported.Count, summary.Stored);
        Assert.Equal(exported, reExported);
    }

    private static async Task<List<string>> ExportAsync(Marten.IDocumentStore store)
    {
        await using var writer = new StringWriter();
        var count = await Exporter.ExportAsync(store, writer, ct: TestContext.Current.CancellationToken);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        // The count it reports (what `kg export` prints) is the lines it wrote, with or without a progress reporter.
        Assert.Equal(lines.Count, count);
        return lines;
    }
}
