using System.CommandLine;
using System.Text;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Database;
using KnowledgeGraph.EventStore.Export;

namespace KnowledgeGraph.Cli;

internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Where to write the events as JSON Lines ('-' for standard output)" };
        var command = new Command("export", "Write every stored event, in store order, in the import format") { file };
        command.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(file)!;
            var connectionString = await DatabaseLocator.FromEnvironmentAsync(Console.Error, ct);
            await using var store = EventStoreSetup.CreateStore(connectionString);
            if (target == "-")
            {
                await Exporter.ExportAsync(store, Console.Out, null, ct);
                return ExitCodes.Ok;
            }
            await using var writer = new StreamWriter(target, append: false, new UTF8Encoding(false));
            var count = await Exporter.ExportAsync(store, writer, null, ct);
            Console.WriteLine($"{count} events written to {target}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
