using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Researchers;

/// <summary>The API over the hand-built supply-chain scenario, projected, with one API key configured.</summary>
public sealed class ScenarioServer : IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789";

    public TestDatabase Database { get; } = new();

    public ApiServer<Program> Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var store = Database.CreateStore())
        {
            var summary = await new Importer(store, Database.ConnectionString)
                .ImportAsync(JsonLinesSource.Read([GraphFixture.ScenarioFile("supply-chain.jsonl")]));
            Assert.Empty(summary.Rejections);
        }
        Server = new ApiServer<Program>(Database.ConnectionString, new Dictionary<string, string> { ["KG_API_KEYS"] = ApiKey });
        Client = Server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(Client, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
