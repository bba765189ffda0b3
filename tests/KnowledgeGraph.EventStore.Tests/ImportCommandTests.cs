using KnowledgeGraph.Testing;

namespace KnowledgeGraph.EventStore.Tests;

/// <summary>The <c>kg import</c> program as a user runs it: a real process against a real PostgreSQL.</summary>
public class ImportCommandTests
{
    private static readonly string MixedFile = Path.Combine(AppContext.BaseDirectory, "Data", "mixed.jsonl");

    [Fact]
    public async Task Import_ReportsEveryBadLineWithItsNumberAndReason_AndStoresTheGoodOnes()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await KgProcess.RunAsync(database.ConnectionString, "import", MixedFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("5 stored, 0 unchanged, 14 rejected", result.Output);
        var reported = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => int.Parse(line.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture), line => line);
        var expected = new Dictionary<int, string>
        {
            [3] = "not valid JSON",
            [4] = "type: unknown event type 'CompanyBought'",
            [5] = "source: is required",
            [6] = "data.country: unknown country 'UK'",
            [8] = "data.buyerId: the buyer cannot be the supplier",
            [9] = "data.stakePercent: must be above 0 and at most 100, not 150",
            [10] = "data.endDate: must be after startDate (2026-01-01), not 2025-01-01",
            [12] = "data.buyerId: unknown organization 'tesla'",
            [13] = "source.url: must be an absolute http(s) URL",
            [14] = "effectiveDate: must be a date (yyyy-mm-dd)",
            [15] = "data.product: unknown product 'adamantium'",
            [16] = "id: conflicting duplicate: an event 'm-1' with other content is already stored",
            [17] = "data.dealId: unknown supply agreement 'no-such-deal'",
            [19] = "data.bloc: US is already a member of NATO",
        };
        Assert.Equal(expected.Keys.Order(), reported.Keys.Order());
        foreach (var (line, reason) in expected)
        {
            Assert.StartsWith($"{MixedFile}:{line}: ", reported[line]);
            Assert.Contains(reason, reported[line]);
        }

        var export = await ExportIdsAsync(database);
        Assert.Equal(["m-1", "m-2", "m-7", "m-11", "m-18"], export);
    }

    [Fact]
    public async Task Import_StoresNothingTheSecondTime_AndExitsZero()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"kg-good-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, File.ReadLines(MixedFile).Where((_, i) => i is 0 or 1 or 6 or 10 or 17), TestContext.Current.CancellationToken);

        var first = await KgProcess.RunAsync(database.ConnectionString, "import", file);
        var second = await KgProcess.RunAsync(database.ConnectionString, "import", file);

        Assert.Equal((0, "5 stored, 0 unchanged, 0 rejected"), (first.ExitCode, first.Output.Trim()));
        Assert.Equal((0, "0 stored, 5 unchanged, 0 rejected"), (second.ExitCode, second.Output.Trim()));
        File.Delete(file);
    }

    [Fact]
    public async Task Import_SaysSo_WhenThePathDoesNotExist()
    {
        var result = await KgProcess.RunAsync("Host=127.0.0.1;Port=1", "import", "/no/such/folder");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("kg import: no such file or folder: /no/such/folder", result.Errors.Trim());
    }

    private static async Task<List<string>> ExportIdsAsync(TestDatabase database)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kg-export-{Guid.NewGuid():N}.jsonl");
        var result = await KgProcess.RunAsync(database.ConnectionString, "export", file);
        Assert.Equal(0, result.ExitCode);
        var ids = File.ReadLines(file).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!).ToList();
        File.Delete(file);
        return ids;
    }
}
