using System.Diagnostics;
using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>
/// The npm <c>graphql-sse</c> client (distinct connections mode) against /graphql/stream, with the deal imported by
/// the real <c>kg import</c> process.
/// </summary>
public sealed class GraphQLSseNodeClientTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string ToolFolder = Path.Combine(RepositoryPaths.Root, "tools", "graphql-sse-client");

    [Fact]
    public async Task TheGraphQLSseClient_ReceivesADealImportedByKgImport_WhileSubscribed()
    {
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString);
        BuiltByTestScript.Require(Path.Combine(ToolFolder, "node_modules", "graphql-sse"), "tools/graphql-sse-client's node modules");
        var file = Path.Combine(Path.GetTempPath(), $"kg-sse-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, DealLines.SupplyAgreement("deal-over-sse") + "\n", TestContext.Current.CancellationToken);

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var stored = (await HealthPolling.HealthAsync(http, TestContext.Current.CancellationToken)).GetProperty("lastStoredSequence").GetInt64();
        using var node = StartClient(new Uri(server.BaseAddress, "/graphql/stream"), """
            subscription ($after: Long) {
              dealRecorded(afterSequence: $after, filter: { parties: ["test-buyer"] }) { sequence eventId eventType deal { id kind } }
            }
            """, $"{{\"after\":{stored}}}");
        var import = await KgProcess.RunAsync(database.ConnectionString, "import", file);
        Assert.True(import.ExitCode == 0, import.Output + import.Errors);
        var line = await node.Process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        var errors = await node.Process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(Eventually.Deadline);
        File.Delete(file);

        Assert.True(line is not null, errors);
        var next = JsonNode.Parse(line)!;
        var deal = next["data"]!["dealRecorded"]!;
        Assert.Equal("evt-deal-over-sse", deal["eventId"]!.GetValue<string>());
        // Answered at the event's own knowledge point, as the answer says.
        Assert.Equal(deal["sequence"]!.GetValue<long>(), next["extensions"]!["knowledge"]!["sequence"]!.GetValue<long>());
        Assert.True(DateTimeOffset.TryParse(next["extensions"]!["knowledge"]!["recordedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("SupplyAgreementSigned", deal["eventType"]!.GetValue<string>());
        Assert.Equal("deal-over-sse", deal["deal"]!["id"]!.GetValue<string>());
        Assert.Equal("SUPPLY", deal["deal"]!["kind"]!.GetValue<string>());
        Assert.True(node.Process.ExitCode == 0, errors);
    }

    private static ChildProcess StartClient(Uri address, string query, string variables)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ToolFolder,
        };
        foreach (var argument in new[] { "subscribe.mjs", address.ToString(), query, variables, "1" })
        {
            info.ArgumentList.Add(argument);
        }
        return ChildProcess.Start(info);
    }
}
