namespace KnowledgeGraph.Api.Subscriptions.WebSockets;

internal sealed partial class GraphQLWebSocketConnection
{
    /// <summary>A running operation: cancelled and unsubscribed when the client completes it or the socket ends.</summary>
    private sealed class Operation(CancellationToken connection) : IDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(connection);
        private readonly Lock _lock = new();
        private IDisposable? _subscription;
        private Action? _onDispose;
        private AsyncServiceScope? _scope;
        private bool _disposed;

        public CancellationToken Token => _stop.Token;

        public AsyncServiceScope Own(AsyncServiceScope scope)
        {
            lock (_lock)
            {
                _scope = scope;
            }
            return scope;
        }

        /// <summary>Runs <paramref name="release"/> when the operation ends (at once if it already has).</summary>
        public void OnDispose(Action release)
        {
            lock (_lock)
            {
                if (!_disposed)
                {
                    _onDispose = release;
                    return;
                }
            }
            release();
        }

        public void Attach(IDisposable subscription)
        {
            lock (_lock)
            {
                if (!_disposed)
                {
                    _subscription = subscription;
                    return;
                }
            }
            subscription.Dispose();
        }

        public void Dispose()
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }
                _disposed = true;
            }
            _onDispose?.Invoke();
            _stop.Cancel();
            _subscription?.Dispose();
            _ = _scope?.DisposeAsync().AsTask();
        }
    }
}
