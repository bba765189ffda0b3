using System.CommandLine;
using KnowledgeGraph.Cli;
using Npgsql;

var root = new RootCommand("KnowledgeGraph: the partnership knowledge graph of the rare-earth magnet supply chain")
{
    ImportCommand.Create(),
    ExportCommand.Create(),
    DatabaseCommand.Create(),
    RebuildCommand.Create(),
    GenerateCommand.Create(),
    CheckCommand.Create(TimeProvider.System),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is InvalidOperationException or NpgsqlException or IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"kg: {e.Message}");
    return ExitCodes.Failed;
}
