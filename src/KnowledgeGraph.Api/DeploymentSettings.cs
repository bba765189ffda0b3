using KnowledgeGraph.EventStore.Database;
using KnowledgeGraph.EventStore.Settings;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Api;

/// <summary>
/// How the API is deployed: production mode (set in the Docker image), who may write, its logs and exports, and when it
/// is ready. In production the database is the operator's, named by KG_POSTGRES: a missing setting is an error at
/// start, never a private PostgreSQL started (or installed) by the API process.
/// </summary>
public sealed class DeploymentSettings
{
    public const string Production = "production";

    [ConfigurationKeyName("KG_ENV"), OneOf(Production, "development")]
    public string? Environment { get; set; }

    /// <summary>The keys that may run mutations, comma-separated; without any, mutations are refused.</summary>
    [ConfigurationKeyName("KG_API_KEYS")]
    public string? ApiKeys { get; set; }

    [ConfigurationKeyName("KG_LOG_FORMAT"), OneOf("text", "json")]
    public string? LogFormat { get; set; }

    /// <summary>Where traces and metrics are also exported over OTLP (the exporter reads the other OTEL_* variables itself).</summary>
    [ConfigurationKeyName("OTEL_EXPORTER_OTLP_ENDPOINT"), HttpAddress]
    public string? OtlpEndpoint { get; set; }

    /// <summary>Events the graph may be behind the store for <c>/health/ready</c>.</summary>
    [ConfigurationKeyName("KG_READY_MAX_LAG"), AboveZero]
    public int ReadyMaxLag { get; set; } = 1000;

    public bool IsProduction => string.Equals(Environment, Production, StringComparison.OrdinalIgnoreCase);

    public bool JsonLogs => string.Equals(LogFormat, "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The database settings, refused in production when they do not name the operator's database.</summary>
    public DatabaseSettings Check(DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var postgres = Setting.Name<DatabaseSettings>(nameof(DatabaseSettings.Postgres));
        return IsProduction && !database.IsExternal
            ? throw new InvalidOperationException(
                $"{Setting.Name<DeploymentSettings>(nameof(Environment))} is '{Production}' but {postgres} is not set: give the connection string " +
                $"of the PostgreSQL to use (e.g. {postgres}=\"Host=db;Username=kg;Password=...;Database=knowledgegraph\"); no private database is started in production")
            : database;
    }
}
