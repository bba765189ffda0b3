using System.CommandLine;
using KnowledgeGraph.Domain.Curation;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.EventStore.Import;

namespace KnowledgeGraph.Cli;

/// <summary><c>kg check</c>: the data check of curated files, run by CI on graph-seed; needs no database.</summary>
internal static class CheckCommand
{
    public static Command Create(TimeProvider clock)
    {
        var paths = new Argument<string[]>("files-or-folders")
        {
            Description = "JSON Lines files or folders (their *.jsonl in name order), checked together in the order given",
            DefaultValueFactory = _ => ["graph-seed"],
        };
        var today = new Option<string?>("--today") { Description = "The date no effective date may be after (yyyy-mm-dd; default: today, UTC)" };
        var command = new Command("check", "Check curated data: importable, sourced to original publishers, nothing in the future, capacities only once operating, no empty bloc")
        {
            paths, today,
        };
        command.SetAction(async (parse, _) =>
        {
            DateOnly date;
            var given = parse.GetValue(today);
            if (given is null)
            {
                date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            }
            else if (!Dates.TryParse(given, out date))
            {
                await Console.Error.WriteLineAsync($"kg check: --today must be a date (yyyy-mm-dd), not '{given}'");
                return ExitCodes.Failed;
            }
            List<string> files;
            try
            {
                files = [.. parse.GetValue(paths)!.SelectMany(JsonLinesSource.Files)];
            }
            catch (FileNotFoundException e)
            {
                await Console.Error.WriteLineAsync($"kg check: {e.Message}");
                return ExitCodes.Failed;
            }
            var lines = JsonLinesSource.Read(files).Select(l => new CuratedLine(l.File, l.Number, l.Text)).ToList();
            var findings = DataCheck.Run(lines, date, string.Join(" ", parse.GetValue(paths)!));
            foreach (var finding in findings)
            {
                await Console.Error.WriteLineAsync(finding.ToString());
            }
            Console.WriteLine($"{lines.Count} events checked in {files.Count} files, {findings.Count} problems");
            return findings.Count > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }
}
