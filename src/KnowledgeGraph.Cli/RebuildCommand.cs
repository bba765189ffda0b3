using System.CommandLine;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Database;
using KnowledgeGraph.EventStore.Settings;
using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Projection;
using Npgsql;

namespace KnowledgeGraph.Cli;

internal static class RebuildCommand
{
    public static Command Create()
    {
        var command = new Command("rebuild", "Drop the graph store and rebuild it from the events (KG_GRAPH chooses the store)");
        command.SetAction(async (_, ct) =>
        {
            var settings = SettingsBinding.Read<GraphSettings>(SettingsBinding.Environment());
            var connectionString = await DatabaseLocator.FromEnvironmentAsync(Console.Error, ct);
            await using var store = EventStoreSetup.CreateStore(connectionString);
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var writer = GraphSetup.CreateWriter(settings, dataSource, GraphSetup.HttpClientFactory());
            var total = (int)(await store.Advanced.FetchEventStoreStatistics(token: ct)).EventCount;
            var projected = await Progress.RunAsync("Rebuilding", total,
                progress => GraphRebuild.RunAsync(store, writer, new Progress<long>(done => progress.Report((int)done)), GraphRebuild.LargePage, ct));
            var status = await writer.StatusAsync(ct);
            Console.WriteLine($"{projected} events projected into the {settings.StoreName} graph: {status.Nodes} nodes, {status.Edges} relationships, {status.Errors} projection errors");
            foreach (var error in status.RecentErrors)
            {
                await Console.Error.WriteLineAsync($"projection error at sequence {error.Sequence} (event {error.EventId}): {error.Reason}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
