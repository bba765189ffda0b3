using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using KnowledgeGraph.Cli.Generate;

// In the namespace of its sibling commands, so that Program.cs lists it like them.
namespace KnowledgeGraph.Cli;

/// <summary><c>kg generate --orgs N --seed S</c>: a synthetic, valid event file of any size, for benchmarks and scale tests.</summary>
internal static class GenerateCommand
{
    public const int MinimumOrgs = 10;

    public static Command Create()
    {
        var orgs = new Option<int>("--orgs")
        {
            Description = $"How many organizations (at least {MinimumOrgs}); about 10 events each, so 1000 gives ~10k events and 100000 about a million",
            Required = true,
        };
        var seed = new Option<int>("--seed") { Description = "The seed: the same orgs and seed always give the same file", DefaultValueFactory = _ => 1 };
        var command = new Command("generate",
            "Write a synthetic but valid event file (JSON Lines, the import format) to standard output: "
            + "~10 events per organization, from blocs, firms and facilities to supply agreements, investments, partnerships, "
            + "policies and their later changes, all dated 2000-2025")
        {
            orgs, seed,
        };
        command.Action = new GenerateAction(orgs, seed);
        return command;
    }

    /// <summary>
    /// Runs even when the options do not parse, so that every bad value gets the same plain message and exit
    /// code 2 that scripts can tell from a failed run.
    /// </summary>
    private sealed class GenerateAction(Option<int> orgs, Option<int> seed) : AsynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            var problems = Problems(parseResult);
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"kg generate: {problem}");
            }
            if (problems.Count > 0)
            {
                return ExitCodes.Failed;
            }
            var count = parseResult.GetValue(orgs);
            await using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            var progress = Console.IsErrorRedirected ? null : new TerminalProgress(count);
            foreach (var line in CheckedLines.Of(EventGenerator.Generate(count, parseResult.GetValue(seed), progress)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await output.WriteLineAsync(line);
            }
            progress?.Done();
            return ExitCodes.Ok;
        }

        private List<string> Problems(ParseResult parseResult)
        {
            var problems = parseResult.Errors.Select(e => e.Message)
                .Concat(parseResult.UnmatchedTokens.Select(t => $"unrecognized argument '{t}'"))
                .ToList();
            if (problems.Count == 0 && parseResult.GetValue(orgs) is var count and < MinimumOrgs)
            {
                problems.Add($"--orgs must be at least {MinimumOrgs}, not {count}");
            }
            return problems;
        }
    }
}
