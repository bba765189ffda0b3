using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>
/// A server over the knowledge-time scenario, recorded in three steps (an agreement, its retraction, a new agreement),
/// or over other scenario files recorded one after the other: the knowledge point after each step, as
/// extensions.knowledge reported it once the projection had caught up.
/// </summary>
public class KnowledgeServer : IAsyncLifetime
{
    public static readonly string[] Steps = ["knowledge-1-recorded.jsonl", "knowledge-2-retracted.jsonl", "knowledge-3-new-agreement.jsonl"];

    private readonly string[] _steps;

    public KnowledgeServer()
        : this(Steps)
    {
    }

    protected KnowledgeServer(params string[] steps) => _steps = steps;

    public TestDatabase Database { get; } = new();

    public ApiServer<Program> Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public List<JsonElement> Points { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        // The first import creates the event store's tables before the server starts, so the two never race to
        // create the same tables (PostgreSQL refuses one of two concurrent CREATE TABLE IF NOT EXISTS).
        await ImportAsync(Database, _steps[0]);
        Server = new ApiServer<Program>(Database.ConnectionString);
        Client = Server.CreateHttpClient();
        foreach (var step in _steps)
        {
            if (step != _steps[0])
            {
                await ImportAsync(Database, step);
            }
            await HealthPolling.UntilProjectedAsync(Client, CancellationToken.None);
            var answer = await Client.PostGraphQLAsync(new { query = "{ countries { code } }" });
            Points.Add(answer.Body.GetProperty("extensions").GetProperty("knowledge").Clone());
        }
    }

    public static async Task ImportAsync(TestDatabase database, string scenario)
    {
        await using var store = database.CreateStore();
        var summary = await new Importer(store, database.ConnectionString).ImportAsync(JsonLinesSource.Read([GraphFixture.ScenarioFile(scenario)]));
        Assert.Empty(summary.Rejections);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
