using System.ComponentModel.DataAnnotations;
using KnowledgeGraph.EventStore.Settings;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Graph;

/// <summary>Neo4j's HTTP Query API endpoint and credentials, as <see cref="GraphSettings"/> names them.</summary>
public sealed record Neo4jSettings(Uri Url, string User, string Password, string Database);

/// <summary>Which graph store the projection writes and the API reads: PostgreSQL (default) or Neo4j, and how to reach Neo4j.</summary>
public sealed class GraphSettings : IValidatableObject
{
    public const string Postgres = "postgres";
    public const string Neo4jStore = "neo4j";

    [ConfigurationKeyName("KG_GRAPH"), OneOf(Postgres, Neo4jStore)]
    public string Store { get; set; } = Postgres;

    [ConfigurationKeyName("KG_PROJECTION_BATCH"), AboveZero]
    public int ProjectionBatchSize { get; set; } = 500;

    /// <summary>The HTTP address of Neo4j (e.g. http://localhost:7474); needed with KG_GRAPH=neo4j.</summary>
    [ConfigurationKeyName("KG_NEO4J_URL"), HttpAddress]
    public string? Neo4jUrl { get; set; }

    [ConfigurationKeyName("KG_NEO4J_USER")]
    public string Neo4jUser { get; set; } = "neo4j";

    [ConfigurationKeyName("KG_NEO4J_PASSWORD")]
    public string? Neo4jPassword { get; set; }

    [ConfigurationKeyName("KG_NEO4J_DATABASE")]
    public string Neo4jDatabase { get; set; } = "neo4j";

    public bool IsNeo4j => string.Equals(Store, Neo4jStore, StringComparison.OrdinalIgnoreCase);

    /// <summary>The store's name as the CLI prints it.</summary>
    public string StoreName => IsNeo4j ? Neo4jStore : Postgres;

    /// <summary>How to reach Neo4j, when it is the store.</summary>
    public Neo4jSettings? Neo4j => IsNeo4j && Uri.TryCreate(Neo4jUrl, UriKind.Absolute, out var url)
        ? new Neo4jSettings(url, Neo4jUser, Neo4jPassword ?? "", Neo4jDatabase)
        : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsNeo4j)
        {
            yield break;
        }
        var store = Setting.Name<GraphSettings>(nameof(Store));
        if (string.IsNullOrWhiteSpace(Neo4jUrl))
        {
            yield return new ValidationResult(
                $"{store}=neo4j needs {Setting.Name<GraphSettings>(nameof(Neo4jUrl))}, the HTTP address of Neo4j (e.g. http://localhost:7474)", [nameof(Neo4jUrl)]);
        }
        if (string.IsNullOrEmpty(Neo4jPassword))
        {
            yield return new ValidationResult($"{store}=neo4j needs {Setting.Name<GraphSettings>(nameof(Neo4jPassword))}", [nameof(Neo4jPassword)]);
        }
    }
}
