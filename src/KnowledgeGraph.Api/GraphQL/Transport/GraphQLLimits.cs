using static KnowledgeGraph.Api.SettingReader;

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
    int RateLimitPerMinute,
    int MaxResponseBytes,
    int CostBudgetPerMinute,
    int ExpensiveCost,
    int ExpensiveConcurrency,
    long AnswerCacheBytes)
{
    public static GraphQLLimits From(Func<string, string?> setting) => new(
        MaxDepth: Whole(setting, "KG_GRAPHQL_MAX_DEPTH", 15),
        MaxComplexity: Whole(setting, "KG_GRAPHQL_MAX_COMPLEXITY", 10_000),
        Timeout: Seconds(setting, "KG_GRAPHQL_TIMEOUT_SECONDS", 10),
        MaxQueryBytes: Whole(setting, "KG_GRAPHQL_MAX_QUERY_BYTES", 20_000),
        MaxBodyBytes: Whole(setting, "KG_GRAPHQL_MAX_BODY_BYTES", 1_048_576),
        RateLimitPerMinute: Whole(setting, "KG_RATE_LIMIT_PER_MINUTE", 600),
        MaxResponseBytes: Whole(setting, "KG_GRAPHQL_MAX_RESPONSE_BYTES", 4 * 1_048_576),
        CostBudgetPerMinute: Whole(setting, "KG_COST_BUDGET_PER_MINUTE", 100_000),
        ExpensiveCost: Whole(setting, "KG_GRAPHQL_EXPENSIVE_COST", 1_000),
        ExpensiveConcurrency: Whole(setting, "KG_GRAPHQL_EXPENSIVE_CONCURRENCY", Math.Max(1, Environment.ProcessorCount / 2)),
        // 0 turns the answer cache off.
        AnswerCacheBytes: (setting("KG_ANSWER_CACHE_MB") == "0" ? 0 : Whole(setting, "KG_ANSWER_CACHE_MB", 32)) * 1_048_576L);
}
