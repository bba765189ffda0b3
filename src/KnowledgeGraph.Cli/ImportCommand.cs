using System.CommandLine;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Database;
using KnowledgeGraph.EventStore.Import;

namespace KnowledgeGraph.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("file-or-folder") { Description = "A JSON Lines file, or a folder whose *.jsonl files are read in name order" };
        var command = new Command("import", "Validate and store events; every bad line is reported as file:line: reason and nothing of it is stored") { path };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<string> files;
            try
            {
                files = JsonLinesSource.Files(parse.GetValue(path)!);
            }
            catch (FileNotFoundException e)
            {
                await Console.Error.WriteLineAsync($"kg import: {e.Message}");
                return ExitCodes.Failed;
            }
            var connectionString = await DatabaseLocator.FromEnvironmentAsync(Console.Error, ct);
            await using var store = EventStoreSetup.CreateStore(connectionString);
            var total = JsonLinesSource.CountLines(files);
            var summary = await Progress.RunAsync("Importing", total,
                progress => new Importer(store, connectionString).ImportAsync(JsonLinesSource.Read(files), progress, ct));
            foreach (var rejection in summary.Rejections)
            {
                await Console.Error.WriteLineAsync(rejection.ToString());
            }
            Console.WriteLine($"{summary.Stored} stored, {summary.Unchanged} unchanged, {summary.Rejections.Count} rejected");
            return summary.Rejections.Count > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
        });
        return command;
    }
}
