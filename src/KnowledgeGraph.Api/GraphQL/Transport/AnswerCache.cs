using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL.Cost;
using KnowledgeGraph.Graph.Ports;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// Answers to queries, kept by knowledge point. Events are only ever appended, so the graph at a knowledge point never
/// changes: the same query with the same variables, at the same point, on the same day (an absent <c>asOf</c> means
/// today), has the same answer. An answer without errors is kept within a memory budget (KG_ANSWER_CACHE_MB) and
/// served again without running the query; the next recorded event moves the knowledge point, and so the key.
/// </summary>
internal sealed class AnswerCache(GraphQLLimits limits, IGraphQLTextSerializer serializer, TimeProvider time) : IDisposable
{
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, limits.AnswerCacheBytes) });
    private long _hits, _misses;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>What identifies an answer. Who asks matters only through whether a key was sent.</summary>
    public sealed record Key(string Query, string? OperationName, string Variables, long Sequence, DateOnly Today, bool Authenticated);

    /// <summary>The key of a query's answer; null for what is not kept (a mutation, or no cache at all).</summary>
    public Key? KeyOf(GraphQLRequest request, GraphQLOperationDefinition? operation, KnowledgePoint knowledge, bool authenticated) =>
        limits.AnswerCacheBytes <= 0 || operation?.Operation != OperationType.Query ? null
        : new Key(request.Query!, request.OperationName, request.Variables is null ? "" : serializer.Serialize(request.Variables),
            knowledge.Sequence, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), authenticated);

    /// <summary>The answer kept for the key, as the <c>data</c> of a result that ran; the cost says what it cost once.</summary>
    public ExecutionResult? Find(Key? key, RequestCost cost)
    {
        if (key is null)
        {
            return null;
        }
        if (_answers.TryGetValue(key, out Kept? kept) && kept is not null)
        {
            Interlocked.Increment(ref _hits);
            (cost.Requested, cost.Cached) = (kept.Cost, true);
            return new ExecutionResult { Data = kept.Data, Executed = true };
        }
        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>Keeps a result that ran without errors; one larger than an eighth of the budget is not worth its room.</summary>
    public void Keep(Key? key, ExecutionResult result, RequestCost cost)
    {
        if (key is null || cost.Cached || !result.Executed || result.Errors is { Count: > 0 } || result.Data is null)
        {
            return;
        }
        var json = serializer.Serialize(new ExecutionResult { Data = result.Data, Executed = true });
        var size = (json.Length + key.Query.Length + key.Variables.Length) * sizeof(char);
        if (size > limits.AnswerCacheBytes / 8)
        {
            return;
        }
        using var document = JsonDocument.Parse(json);
        _answers.Set(key, new Kept(document.RootElement.GetProperty("data").Clone(), cost.Requested), new MemoryCacheEntryOptions
        {
            Size = size,
            SlidingExpiration = TimeSpan.FromMinutes(10),
        });
    }

    public void Dispose() => _answers.Dispose();

    private sealed record Kept(JsonElement Data, double? Cost);
}
