using KnowledgeGraph.EventStore.Settings;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// What one client may ask of <c>/graphql</c>, with defaults that let every researcher's question through and stop a
/// runaway one before it runs.
/// </summary>
public sealed class GraphQLLimits
{
    [ConfigurationKeyName("KG_GRAPHQL_MAX_DEPTH"), AboveZero]
    public int MaxDepth { get; set; } = 15;

    [ConfigurationKeyName("KG_GRAPHQL_MAX_COMPLEXITY"), AboveZero]
    public int MaxComplexity { get; set; } = 10_000;

    [ConfigurationKeyName("KG_GRAPHQL_TIMEOUT_SECONDS"), AboveZero]
    public double TimeoutSeconds { get; set; } = 10;

    [ConfigurationKeyName("KG_GRAPHQL_MAX_QUERY_BYTES"), AboveZero]
    public int MaxQueryBytes { get; set; } = 20_000;

    [ConfigurationKeyName("KG_GRAPHQL_MAX_BODY_BYTES"), AboveZero]
    public int MaxBodyBytes { get; set; } = 1_048_576;

    [ConfigurationKeyName("KG_RATE_LIMIT_PER_MINUTE"), AboveZero]
    public int RateLimitPerMinute { get; set; } = 600;

    [ConfigurationKeyName("KG_GRAPHQL_MAX_RESPONSE_BYTES"), AboveZero]
    public int MaxResponseBytes { get; set; } = 4 * 1_048_576;

    [ConfigurationKeyName("KG_COST_BUDGET_PER_MINUTE"), AboveZero]
    public int CostBudgetPerMinute { get; set; } = 100_000;

    [ConfigurationKeyName("KG_GRAPHQL_EXPENSIVE_COST"), AboveZero]
    public int ExpensiveCost { get; set; } = 1_000;

    /// <summary>
    /// One expensive question per core (at least 2): an expensive question waits on the database about half its time, so
    /// fewer leave cores idle (at half the cores, the flagship ran at a fifth of its ungated throughput on 2 cores).
    /// </summary>
    [ConfigurationKeyName("KG_GRAPHQL_EXPENSIVE_CONCURRENCY"), AboveZero]
    public int ExpensiveConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Memory for the answers kept by knowledge point (<see cref="AnswerCache"/>); 0 turns the cache off.</summary>
    [ConfigurationKeyName("KG_ANSWER_CACHE_MB"), AtLeastZero]
    public int AnswerCacheMegabytes { get; set; } = 32;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public long AnswerCacheBytes => AnswerCacheMegabytes * 1_048_576L;
}
