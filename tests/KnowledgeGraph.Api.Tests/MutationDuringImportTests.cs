using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Api.Tests;

/// <summary>A long import holds the import lock one batch at a time: a mutation sent meanwhile is not kept waiting.</summary>
public class MutationDuringImportTests
{
    private const string ApiKey = "import-test-key-0123";

    [Fact]
    public async Task AMutationDuringALargeImport_AnswersBeforeTheImportEnds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"kg-large-{Guid.NewGuid():N}.jsonl");
        var generated = await KgProcess.RunAsync(database.ConnectionString, "generate", "--orgs", "5000");
        await File.WriteAllTextAsync(file, generated.Output, ct);
        await using var server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string> { ["KG_API_KEYS"] = ApiKey });
        using var client = server.CreateHttpClient();

        var import = KgProcess.RunAsync(database.ConnectionString, "import", file);
        await UntilStoredAsync(database.ConnectionString, 2_000, ct);
        var answer = await RegisterAsync(client, ct);
        var importStillRunning = !import.IsCompleted;

        Assert.True(answer.GetProperty("data").GetProperty("registerOrganization").GetProperty("stored").GetBoolean(), answer.ToString());
        // Ordered, not timed: a mutation that waited for the import's lock would answer only after the import ended.
        Assert.True(importStillRunning, "the import ended before the mutation answered: it waited for the import, or the file is too small to show anything");
        Assert.Equal(0, (await import).ExitCode);
        File.Delete(file);
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, CancellationToken ct)
    {
        const string mutation = """
            mutation { registerOrganization(input: { id: "during-import", effectiveDate: "2025-06-01",
              source: { title: "Registered during an import", publisher: "Test" },
              orgId: "during-import-firm", name: "During Import", country: "US", kind: "company" }) { stored errors { field message } } }
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = mutation }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await client.SendAsync(request, ct);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }

    private static async Task UntilStoredAsync(string connectionString, int events, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await Eventually.UntilAsync($"{events} events stored", async () =>
        {
            try
            {
                await using var count = dataSource.CreateCommand($"SELECT count(*) FROM {EventStoreSetup.Schema}.mt_events");
                return (long)(await count.ExecuteScalarAsync(ct))!;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                return 0; // The import has not created the event store yet.
            }
        }, stored => stored >= events);
    }
}
