using GraphQL.DataLoader;

namespace KnowledgeGraph.Api.GraphQL.Loading;

/// <summary>
/// Batches the keys asked for by sibling fields and fetches them in one read when the first result is awaited:
/// GraphQL.NET defers every <see cref="IDataLoaderResult"/> of a level until the level's resolvers have run.
/// (The GraphQL.DataLoader package is not obtainable here; this is the part of it we need.)
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly Dictionary<TKey, Task> _inFlight = [];
    private HashSet<TKey> _pending = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_loaded)
        {
            if (!_loaded.ContainsKey(key) && !_inFlight.ContainsKey(key))
            {
                _pending.Add(key);
            }
        }
        return new Pending(this, key);
    }

    /// <summary>Keeps a value already read (by a question that returned it whole), so that asking for its key reads nothing.</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_loaded)
        {
            if (!_inFlight.ContainsKey(key))
            {
                _loaded.TryAdd(key, value);
                _pending.Remove(key);
            }
        }
    }

    private async Task<TValue?> ResultAsync(TKey key, CancellationToken ct)
    {
        Task? batch;
        lock (_loaded)
        {
            if (_pending.Contains(key))
            {
                var keys = _pending;
                _pending = [];
                batch = FetchAsync(keys, ct);
                foreach (var k in keys)
                {
                    _inFlight[k] = batch;
                }
            }
            _inFlight.TryGetValue(key, out batch);
        }
        if (batch is not null)
        {
            await batch;
        }
        lock (_loaded)
        {
            return _loaded.GetValueOrDefault(key);
        }
    }

    private async Task FetchAsync(HashSet<TKey> keys, CancellationToken ct)
    {
        var values = await fetch(keys, ct);
        lock (_loaded)
        {
            foreach (var key in keys)
            {
                _loaded[key] = values.TryGetValue(key, out var value) ? value : default!;
                _inFlight.Remove(key);
            }
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.ResultAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>Chains a second load on the result of a first, so that both stay batched across siblings.</summary>
public sealed class ThenResult<T, TNext>(IDataLoaderResult<T> first, Func<T, IDataLoaderResult<TNext>> next) : IDataLoaderResult<TNext>
{
    public async Task<TNext> GetResultAsync(CancellationToken cancellationToken = default) =>
        await next(await first.GetResultAsync(cancellationToken)).GetResultAsync(cancellationToken);

    // Returning the second result unawaited lets the executor queue it with its siblings' second loads.
    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        next(await first.GetResultAsync(cancellationToken));
}

/// <summary>A value already at hand, where a field sometimes needs no load.</summary>
public sealed class Loaded<T>(T value) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}

/// <summary>Waits for several pending loads, which resolve in their loaders' batches.</summary>
public sealed class AllOf<T>(IReadOnlyList<IDataLoaderResult<T>> parts) : IDataLoaderResult<T[]>
{
    public async Task<T[]> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var results = new T[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            results[i] = await parts[i].GetResultAsync(cancellationToken);
        }
        return results;
    }

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
}
