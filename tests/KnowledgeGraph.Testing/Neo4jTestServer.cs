using KnowledgeGraph.Graph;
using KnowledgeGraph.Graph.Neo4j;
using KnowledgeGraph.Graph.Ports;
using Npgsql;

namespace KnowledgeGraph.Testing;

/// <summary>
/// The Neo4j the contract suite compares with PostgreSQL: <c>KG_NEO4J_URL</c> (and <c>KG_NEO4J_USER</c>,
/// <c>KG_NEO4J_PASSWORD</c>, <c>KG_NEO4J_DATABASE</c> when the server needs them; KG_GRAPH plays no part here).
/// Its tests replace the graph the database holds, so they run one class at a time (one collection per test project)
/// and one test project at a time (scripts/test-neo4j.sh).
/// </summary>
public static class Neo4jTestServer
{
    public const string NotSet = "KG_NEO4J_URL is not set: no Neo4j server here (scripts/test-neo4j.sh starts one where Docker runs)";

    /// <summary>The settings of the server, or null when no server is named.</summary>
    public static GraphSettings? Settings { get; } = Read(Environment.GetEnvironmentVariable);

    /// <summary>The API's HttpClient factory, configured as the API configures it.</summary>
    public static IHttpClientFactory HttpClients { get; } = GraphSetup.HttpClientFactory();

    /// <summary>The settings, or the test reported as skipped with the reason.</summary>
    public static GraphSettings Require()
    {
        Assert.SkipWhen(Settings is null, NotSet);
        return Settings!;
    }

    /// <summary>The Neo4j writer (the data source is not used by it, only passed through the factory).</summary>
    public static IGraphWriter Writer(NpgsqlDataSource dataSource) => GraphSetup.CreateWriter(Require(), dataSource, HttpClients);

    public static IGraphReader Reader(NpgsqlDataSource dataSource) => GraphSetup.CreateReader(Require(), dataSource, HttpClients);

    /// <summary>Leaves the database as the suite found it: without this graph's nodes and relationships.</summary>
    public static async Task DropGraphAsync()
    {
        using var client = new Neo4jQueryClient(HttpClients, Require().Neo4j!);
        await new Neo4jGraphWriter(client).DropAsync(CancellationToken.None);
    }

    public static GraphSettings? Read(Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if (setting("KG_NEO4J_URL") is not { Length: > 0 } url)
        {
            return null;
        }
        _ = Uri.TryCreate(url, UriKind.Absolute, out _) ? url
            : throw new InvalidOperationException($"KG_NEO4J_URL '{url}' is not an absolute URL (e.g. http://localhost:7474)");
        return new GraphSettings
        {
            Store = GraphSettings.Neo4jStore,
            Neo4jUrl = url,
            Neo4jUser = setting("KG_NEO4J_USER") is { Length: > 0 } user ? user : "neo4j",
            Neo4jPassword = setting("KG_NEO4J_PASSWORD") ?? "",
            Neo4jDatabase = setting("KG_NEO4J_DATABASE") is { Length: > 0 } db ? db : "neo4j",
            ProjectionBatchSize = 100,
        };
    }
}
