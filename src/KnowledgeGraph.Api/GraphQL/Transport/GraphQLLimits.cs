using System.Globalization;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// What one client may ask of <c>/graphql</c>, read from configuration (environment variables) with defaults that let
/// every researcher's question through and stop a runaway one before it runs.
/// </summary>
public sealed record GraphQLLimits(
    int MaxDepth,
    int MaxComplexity,
    TimeSpan Timeout,
    int MaxQueryBytes,
    int MaxBodyBytes,
    int RateLimitPerMinute)
{
    public static GraphQLLimits From(Func<string, string?> setting) => new(
        MaxDepth: Positive(setting, "KG_GRAPHQL_MAX_DEPTH", 15),
        MaxComplexity: Positive(setting, "KG_GRAPHQL_MAX_COMPLEXITY", 100_000),
        Timeout: TimeSpan.FromSeconds(PositiveSeconds(setting, "KG_GRAPHQL_TIMEOUT_SECONDS", 10)),
        MaxQueryBytes: Positive(setting, "KG_GRAPHQL_MAX_QUERY_BYTES", 20_000),
        MaxBodyBytes: Positive(setting, "KG_GRAPHQL_MAX_BODY_BYTES", 1_048_576),
        RateLimitPerMinute: Positive(setting, "KG_RATE_LIMIT_PER_MINUTE", 600));

    private static int Positive(Func<string, string?> setting, string key, int fallback) => setting(key) switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; it must be a whole number above 0"),
    };

    private static double PositiveSeconds(Func<string, string?> setting, string key, double fallback) => setting(key) switch
    {
        null or "" => fallback,
        var text when double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        var text => throw new InvalidOperationException($"{key} is '{text}'; it must be a number of seconds above 0 (e.g. 10 or 0.5)"),
    };
}
