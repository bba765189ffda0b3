using System.Text;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.EventStore.Tests;

/// <summary>Hostile text in an import file: each bad line is reported by number and field, and takes no other line with it.</summary>
public class ImportHygieneTests
{
    private static string Org(string id, string name, string title = "Register", string extra = "") =>
        $$$"""{"id":"{{{id}}}","type":"OrganizationRegistered","effectiveDate":"2025-01-01","source":{"title":"{{{title}}}","publisher":"Test"},"data":{"orgId":"{{{id}}}","name":"{{{name}}}","country":"US","kind":"company"{{{extra}}}}}""";

    [Fact]
    public async Task Import_ReportsEveryKindOfBadText_StoresTheGoodLines_AndExportStillWorks()
    {
        await using var database = await TestDatabase.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"kg-hostile-{Guid.NewGuid():N}.jsonl");
        var aliases = string.Join(",", Enumerable.Range(0, 51).Select(i => $"\"a{i}\""));
        var lines = new List<byte[]>
        {
            Utf8(Org("good-1", "Good One")),
            Utf8(Org("nul-title", "Nul", title: "bad\\u0000title")),
            Utf8(Org("nul-name", "bad\\u0000name")),
            Utf8(Org("bell-name", "bad\\u0007name")),
            Utf8(Org("surrogate", "bad\\ud800name")),
            NotUtf8(Org("bad-utf8", "bad")),
            Utf8(Org("duplicate", "First", extra: ",\"name\":\"Second\"")),
            Utf8(Org("long-name", new string('x', 400))),
            Utf8(Org("many-aliases", "Aliased", extra: $",\"aliases\":[{aliases}]")),
            Utf8(Org("huge", new string('x', 3_000_000))),
            Utf8(Org("good-2", "Good\\tTwo")),
        };
        await File.WriteAllBytesAsync(file, [.. lines.SelectMany(l => l.Append((byte)'\n'))], TestContext.Current.CancellationToken);

        var first = await KgProcess.RunAsync(database.ConnectionString, "import", file);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("2 stored, 0 unchanged, 9 rejected", first.Output);
        var expected = new Dictionary<int, string>
        {
            [2] = "source.title: contains the control character U+0000",
            [3] = "data.name: contains the control character U+0000",
            [4] = "data.name: contains the control character U+0007",
            [5] = "data.name: contains a lone surrogate",
            [6] = "holds bytes that are not UTF-8",
            [7] = "data.name: duplicated key",
            [8] = "data.name: is 400 characters long, more than the limit of 300",
            [9] = "data.aliases: has 51 items, more than the limit of 50",
            [10] = "the line is longer than the limit of 65536 bytes",
        };
        var reported = first.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count, reported.Length);
        foreach (var (line, reason) in expected)
        {
            Assert.Contains(reported, r => r.StartsWith($"{file}:{line}: ", StringComparison.Ordinal) && r.Contains(reason, StringComparison.Ordinal));
        }
        Assert.DoesNotContain("INSERT", first.Errors, StringComparison.OrdinalIgnoreCase);

        var export = Path.Combine(Path.GetTempPath(), $"kg-export-{Guid.NewGuid():N}.jsonl");
        var exported = await KgProcess.RunAsync(database.ConnectionString, "export", export);
        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(["good-1", "good-2"], File.ReadLines(export).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));

        var again = await KgProcess.RunAsync(database.ConnectionString, "import", file);
        Assert.Contains("0 stored, 2 unchanged, 9 rejected", again.Output);
        File.Delete(file);
        File.Delete(export);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The line with a byte sequence that is not UTF-8 (0xC3 0x28) inside its source title.</summary>
    private static byte[] NotUtf8(string text) => [.. Utf8(text).Take(90), 0xC3, 0x28, .. Utf8(text).Skip(90)];
}
