namespace KnowledgeGraph.Api;

/// <summary>
/// <c>KG_ENV=production</c> (set in the Docker image): the database is the operator's, named by KG_POSTGRES. A
/// missing setting is an error at start, never a private PostgreSQL started (or installed) by the API process.
/// </summary>
internal static class ProductionMode
{
    public static bool IsOn(IConfiguration configuration) =>
        string.Equals(configuration["KG_ENV"], "production", StringComparison.OrdinalIgnoreCase);

    /// <summary>KG_POSTGRES when production mode requires it; otherwise what was configured (null: the embedded database).</summary>
    public static string? RequiredPostgres(IConfiguration configuration) =>
        IsOn(configuration) && string.IsNullOrWhiteSpace(configuration["KG_POSTGRES"])
            ? throw new InvalidOperationException(
                "KG_ENV is 'production' but KG_POSTGRES is not set: give the connection string of the PostgreSQL to use " +
                "(e.g. KG_POSTGRES=\"Host=db;Username=kg;Password=...;Database=knowledgegraph\"); no private database is started in production")
            : configuration["KG_POSTGRES"];
}
