namespace KnowledgeGraph.Api.GraphQL.Cost;

/// <summary>
/// The cost of one operation as the analysis computed it, the client's budget left after paying it, and the place it
/// holds among the expensive questions running (given back when the operation has run).
/// </summary>
public sealed class RequestCost : IDisposable
{
    private SemaphoreSlim? _slot;

    /// <summary>The computed cost; null when the operation never reached the analysis (a syntax error).</summary>
    public double? Requested { get; internal set; }

    public long? BudgetLeft { get; internal set; }

    /// <summary>True when the answer came from the answer cache: the operation did not run, and cost the budget nothing.</summary>
    public bool Cached { get; internal set; }

    internal void Hold(SemaphoreSlim slot) => _slot = slot;

    public void Dispose() => Interlocked.Exchange(ref _slot, null)?.Release();

    /// <summary>What <c>extensions.cost</c> shows.</summary>
    public Dictionary<string, object?> Describe(int maximum, int budgetPerMinute)
    {
        var description = new Dictionary<string, object?>
        {
            ["requested"] = Requested,
            ["maximum"] = maximum,
            ["budgetPerMinute"] = budgetPerMinute,
            ["budgetLeft"] = BudgetLeft,
        };
        if (Cached)
        {
            description["cached"] = true;
        }
        return description;
    }
}
