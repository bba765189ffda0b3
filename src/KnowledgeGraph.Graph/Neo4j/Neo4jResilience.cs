using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KnowledgeGraph.Graph.Neo4j;

/// <summary>How hard the adapter tries: a timeout per HTTP call, retries with jittered exponential backoff, a circuit breaker.</summary>
public sealed record Neo4jResilienceOptions
{
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetryAttempts { get; init; } = 4;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The breaker opens when this share of calls fail within the sampling duration (and at least the minimum throughput ran).</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    public int BreakerMinimumThroughput { get; init; } = 10;

    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Three pipelines. <see cref="PerCall"/> wraps every HTTP call: the circuit breaker, then the timeout. <see cref="Retry"/>
/// repeats an idempotent write on any transient failure; <see cref="ReadRetry"/> repeats a read, but not after a timeout.
/// </summary>
internal sealed class Neo4jResilience
{
    public Neo4jResilience(Neo4jResilienceOptions options)
    {
        Retry = RetryWhen(IsTransient, options);
        ReadRetry = RetryWhen(e => IsTransient(e) && e is not TimeoutRejectedException, options);
        PerCall = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(options.CallTimeout)
            .Build();
    }

    public ResiliencePipeline Retry { get; }

    public ResiliencePipeline ReadRetry { get; }

    public ResiliencePipeline PerCall { get; }

    private static ResiliencePipeline RetryWhen(Func<Exception, bool> retryable, Neo4jResilienceOptions options) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle(retryable),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxRetryAttempts = options.MaxRetryAttempts,
            })
            .Build();

    /// <summary>
    /// Network failures, call timeouts, HTTP 5xx/408/429 and Neo.TransientError codes. Never a Neo.ClientError, and never
    /// an open circuit: that one fails fast. A cancellation by the caller is not a timeout and is not retried either.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        Neo4jException neo4j => neo4j.IsTransient,
        HttpRequestException => true,
        TimeoutRejectedException => true,
        _ => false,
    };
}
