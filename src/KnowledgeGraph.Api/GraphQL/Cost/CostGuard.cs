using System.Threading.RateLimiting;
using GraphQL.Validation;
using KnowledgeGraph.Api.GraphQL.Transport;

namespace KnowledgeGraph.Api.GraphQL.Cost;

/// <summary>
/// The two limits that the cost of a question pays against: each client's budget of cost units (a token bucket of
/// KG_COST_BUDGET_PER_MINUTE, refilled every second), and a gate that lets at most KG_GRAPHQL_EXPENSIVE_CONCURRENCY
/// questions of cost KG_GRAPHQL_EXPENSIVE_COST or more run at once, so that a few expensive questions cannot starve
/// the cheap ones. A question waits at the gate at most half the timeout, then is refused as busy. A question costing
/// more than a whole budget (when KG_GRAPHQL_MAX_COMPLEXITY is set above it) costs the whole budget.
/// </summary>
internal sealed class CostGuard(GraphQLLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _budget = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.CostBudgetPerMinute,
            TokensPerPeriod = Math.Max(1, limits.CostBudgetPerMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private readonly SemaphoreSlim _expensive = new(limits.ExpensiveConcurrency, limits.ExpensiveConcurrency);

    public async Task<ValidationError?> AdmitAsync(string client, RequestCost cost, CancellationToken ct)
    {
        var units = (int)Math.Clamp(cost.Requested ?? 1, 1, limits.CostBudgetPerMinute);
        using (var lease = _budget.AttemptAcquire(client, units))
        {
            cost.BudgetLeft = _budget.GetStatistics(client)?.CurrentAvailablePermits;
            if (!lease.IsAcquired)
            {
                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                return new CostRefusal(StatusCodes.Status429TooManyRequests, "COST_BUDGET_EXHAUSTED", seconds,
                    $"This question costs {units}; this address has {cost.BudgetLeft ?? 0} of its {limits.CostBudgetPerMinute} cost units a minute left (KG_COST_BUDGET_PER_MINUTE); try again in {seconds} s");
            }
        }
        if (units < limits.ExpensiveCost)
        {
            return null;
        }
        if (!await _expensive.WaitAsync(limits.Timeout / 2, ct))
        {
            return new CostRefusal(StatusCodes.Status503ServiceUnavailable, "BUSY", 1,
                $"This question costs {units}; {limits.ExpensiveConcurrency} questions costing {limits.ExpensiveCost} or more are already running (KG_GRAPHQL_EXPENSIVE_CONCURRENCY); try again shortly or ask for less");
        }
        cost.Hold(_expensive);
        return null;
    }

    public void Dispose()
    {
        _budget.Dispose();
        _expensive.Dispose();
    }
}

/// <summary>A question refused for what it costs now rather than for what it is: the status and when to come back.</summary>
internal sealed class CostRefusal : ValidationError
{
    public CostRefusal(int status, string code, int retryAfterSeconds, string message) : base(message)
    {
        Code = code;
        Status = status;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public int Status { get; }

    public int RetryAfterSeconds { get; }
}
