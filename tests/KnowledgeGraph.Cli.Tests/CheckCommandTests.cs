using System.Globalization;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Cli.Tests;

/// <summary><c>kg check</c> as CI runs it: a real process over real files, with the date pinned.</summary>
public class CheckCommandTests
{
    private static readonly Dictionary<string, string?> NoDatabase = [];

    [Fact]
    public async Task Check_FindsNoProblem_InGraphSeed()
    {
        var result = await KgProcess.RunAsync(NoDatabase, "check", RepositoryPaths.GraphSeed, "--today", "2026-12-01");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.EndsWith(", 0 problems", result.Output.Trim());
    }

    [Fact]
    public async Task Check_ReportsEveryProblem_WithItsFileAndLine()
    {
        var file = await BadFileAsync(
            Line("evt-1", "OrganizationRegistered", "2020-01-01", Source("https://www.miningweekly.com/a"), """{"orgId":"acme","name":"Acme","country":"US","kind":"company"}"""),
            Line("evt-2", "OrganizationRegistered", "2020-01-01", Source("https://www.kitco.com/news/off-the-wire/x"), """{"orgId":"beta","name":"Beta","country":"US","kind":"company"}"""),
            Line("evt-3", "FacilityRegistered", "2021-01-01", Source(null), """{"facilityId":"plant","name":"Plant","operatorId":"acme","country":"US","stage":"magnet","status":"planned","capacityTonnesPerYear":1000}"""),
            Line("evt-4", "OrganizationRegistered", "2027-01-01", Source(null), """{"orgId":"gamma","name":"Gamma","country":"US","kind":"company"}"""),
            """{"id":"evt-5","type":"OrganizationRegistered","effectiveDate":"2020-01-01","source":{"title":"t"},"data":{"orgId":"delta","name":"Delta","country":"US","kind":"company"}}""",
            Line("evt-6", "OrganizationRegistered", "2020-01-01", Source("/relative/page"), """{"orgId":"zeta","name":"Zeta","country":"US","kind":"company"}"""),
            Line("evt-7", "BlocJoined", "2020-01-01", Source(null), """{"country":"US","bloc":"NATO"}"""),
            Line("evt-8", "OrganizationRegistered", "2020-01-01", Source("https://ng.investing.com/news/y"), """{"orgId":"epsilon","name":"Epsilon","country":"US","kind":"company"}"""),
            Line("evt-9", "EventRetracted", "2026-01-01", Source(null), """{"eventId":"evt-8","reason":"cited a mirror"}"""));
        try
        {
            var result = await KgProcess.RunAsync(NoDatabase, "check", file, "--today", "2026-12-01");

            Assert.Equal(1, result.ExitCode);
            var problems = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains($"{file}:2: source.url: 'www.kitco.com' republishes other publishers' articles; cite the original publisher", problems);
            Assert.Contains(problems, p => p.StartsWith($"{file}:3: data.capacityTonnesPerYear: facility 'plant' has a capacity of 1000 t/yr on 2021-01-01 while planned", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.StartsWith($"{file}:4: effectiveDate: 2027-01-01 is after today (2026-12-01)", StringComparison.Ordinal));
            Assert.Contains($"{file}:5: source.publisher: is required", problems);
            Assert.Contains(problems, p => p.StartsWith($"{file}:6: source.url: must be an absolute http(s) URL", StringComparison.Ordinal));
            Assert.Contains($"{file}: bloc: QUAD is in the vocabulary but has no member", problems);
            Assert.DoesNotContain(problems, p => p.StartsWith($"{file}:1:", StringComparison.Ordinal) || p.StartsWith($"{file}:7:", StringComparison.Ordinal)
                || p.StartsWith($"{file}:8:", StringComparison.Ordinal));
            Assert.Equal("9 events checked in 1 files, 9 problems", result.Output.Trim());
            Assert.Equal([2, 3, 4, 5, 6], problems.Take(5).Select(p => int.Parse(p[(file.Length + 1)..p.IndexOf(':', file.Length + 1)], CultureInfo.InvariantCulture)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Check_RefusesAToday_ThatIsNotADate()
    {
        var result = await KgProcess.RunAsync(NoDatabase, "check", RepositoryPaths.GraphSeed, "--today", "1 December");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--today must be a date (yyyy-mm-dd), not '1 December'", result.Errors);
    }

    private static string Source(string? url) =>
        url is null ? """{"title":"A title","publisher":"A publisher"}""" : $$"""{"title":"A title","publisher":"A publisher","url":"{{url}}"}""";

    private static string Line(string id, string type, string date, string source, string data) =>
        $$"""{"id":"{{id}}","type":"{{type}}","effectiveDate":"{{date}}","source":{{source}},"data":{{data}}}""";

    private static async Task<string> BadFileAsync(params string[] lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kg-check-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);
        return file;
    }
}
