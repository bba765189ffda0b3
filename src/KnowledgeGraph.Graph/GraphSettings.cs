namespace KnowledgeGraph.Graph;

/// <summary>Neo4j's HTTP Query API endpoint and credentials (KG_NEO4J_URL, KG_NEO4J_USER, KG_NEO4J_PASSWORD, KG_NEO4J_DATABASE).</summary>
public sealed record Neo4jSettings(Uri Url, string User, string Password, string Database);

/// <summary>Which graph store the projection writes and the API reads: PostgreSQL (default) or Neo4j (KG_GRAPH=neo4j).</summary>
public sealed record GraphSettings(string Store, Neo4jSettings? Neo4j, int ProjectionBatchSize)
{
    public const string Postgres = "postgres";
    public const string Neo4jStore = "neo4j";

    /// <summary>Reads the settings from configuration keys (environment variables), failing with what is missing.</summary>
    public static GraphSettings From(Func<string, string?> setting)
    {
        var store = (setting("KG_GRAPH") is { Length: > 0 } s ? s : Postgres).ToLowerInvariant();
        var batch = int.TryParse(setting("KG_PROJECTION_BATCH"), out var b) && b > 0 ? b : 500;
        if (store == Postgres)
        {
            return new GraphSettings(store, null, batch);
        }
        if (store != Neo4jStore)
        {
            throw new InvalidOperationException($"KG_GRAPH is '{store}'; it must be '{Postgres}' or '{Neo4jStore}'");
        }
        var url = setting("KG_NEO4J_URL");
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException("KG_GRAPH=neo4j needs KG_NEO4J_URL, the HTTP address of Neo4j (e.g. http://localhost:7474)");
        }
        var password = setting("KG_NEO4J_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException("KG_GRAPH=neo4j needs KG_NEO4J_PASSWORD");
        }
        return new GraphSettings(store, new Neo4jSettings(uri, setting("KG_NEO4J_USER") ?? "neo4j", password,
            setting("KG_NEO4J_DATABASE") is { Length: > 0 } db ? db : "neo4j"), batch);
    }
}
