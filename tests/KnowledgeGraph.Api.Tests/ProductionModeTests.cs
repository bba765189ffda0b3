using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests;

public class ProductionModeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task InProduction_AMissingKgPostgres_StopsTheApiAtStart_AndNoDatabaseIsCreated()
    {
        var dataDir = Directory.CreateTempSubdirectory("kg-production-");
        try
        {
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KnowledgeGraph.Api.dll"));
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add("http://127.0.0.1:0");
            info.Environment.Remove("KG_POSTGRES");
            info.Environment["KG_ENV"] = "production";
            info.Environment["KG_DATA_DIR"] = dataDir.FullName;
            var run = await ChildProcess.RunAsync(info, TimeSpan.FromSeconds(60));

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("KG_POSTGRES is not set", run.Errors + run.Output, StringComparison.Ordinal);
            Assert.Empty(dataDir.EnumerateFileSystemInfos());
        }
        finally
        {
            dataDir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Probes_AnswerLive_AndReadyOnceTheGraphHasCaughtUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var store = database.CreateStore())
        {
            var line = """{"id":"p-1","type":"BlocJoined","effectiveDate":"2024-03-07","source":{"title":"Sweden joins NATO","publisher":"NATO"},"data":{"country":"SE","bloc":"NATO"}}""";
            await new Importer(store, database.ConnectionString).ImportAsync([new InputLine("t", 1, line)], ct: ct);
        }
        await using var server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string> { ["KG_READY_MAX_LAG"] = "1" });
        using var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.Equal(0, body.GetProperty("projectionLag").GetInt64());
    }
}
