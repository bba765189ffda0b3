using System.Diagnostics;
using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>
/// The npm <c>graphql-ws</c> client (what integrations use) against /graphql, with the deal imported by the real
/// <c>kg import</c> process: delivery comes from the event store, not from the memory of the process that wrote.
/// </summary>
public sealed class GraphQLWsNodeClientTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string ToolFolder = Path.Combine(RepositoryPaths.Root, "tools", "graphql-ws-client");

    [Fact]
    public async Task TheGraphQLWsClient_ReceivesADealImportedByKgImport_WhileSubscribed()
    {
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString);
        BuiltByTestScript.Require(Path.Combine(ToolFolder, "node_modules", "graphql-ws"), "tools/graphql-ws-client's node modules");
        var file = Path.Combine(Path.GetTempPath(), $"kg-ws-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, DealLines.SupplyAgreement("deal-from-cli") + "\n", TestContext.Current.CancellationToken);

        // After the last stored sequence: the import below is delivered whether or not it lands before the
        // subscription is attached to the live feed.
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var stored = (await HealthPolling.HealthAsync(http, TestContext.Current.CancellationToken)).GetProperty("lastStoredSequence").GetInt64();
        using var node = StartClient(server.WebSocketAddress, """
            subscription ($after: Long) {
              dealRecorded(afterSequence: $after, filter: { parties: ["test-buyer"] }) { sequence eventId eventType deal { id kind status product } }
            }
            """, $"{{\"after\":{stored}}}");
        Assert.Equal("{\"connected\":true}", await node.Process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken));
        var import = await KgProcess.RunAsync(database.ConnectionString, "import", file);
        Assert.True(import.ExitCode == 0, import.Output + import.Errors);
        var line = await node.Process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(Eventually.Deadline);
        File.Delete(file);

        var next = JsonNode.Parse(line!)!;
        var deal = next["data"]!["dealRecorded"]!;
        Assert.Equal("evt-deal-from-cli", deal["eventId"]!.GetValue<string>());
        // Answered at the event's own knowledge point, as the answer says.
        Assert.Equal(deal["sequence"]!.GetValue<long>(), next["extensions"]!["knowledge"]!["sequence"]!.GetValue<long>());
        Assert.True(DateTimeOffset.TryParse(next["extensions"]!["knowledge"]!["recordedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("SupplyAgreementSigned", deal["eventType"]!.GetValue<string>());
        Assert.Equal("deal-from-cli", deal["deal"]!["id"]!.GetValue<string>());
        Assert.Equal("SUPPLY", deal["deal"]!["kind"]!.GetValue<string>());
        Assert.Equal(0, node.Process.ExitCode);
    }

    private static ChildProcess StartClient(Uri address, string query, string variables)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = ToolFolder };
        foreach (var argument in new[] { "subscribe.mjs", address.ToString(), query, variables, "1" })
        {
            info.ArgumentList.Add(argument);
        }
        return ChildProcess.Start(info);
    }
}
