using System.Diagnostics;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Counts the SQL statements Npgsql sends while a piece of work runs, from Npgsql's own tracing (one activity per
/// command): only the activities started under this counter's parent activity count, so parallel tests do not mix.
/// </summary>
public sealed class StatementCounter : IDisposable
{
    private const string SourceName = "KnowledgeGraph.Graph.Tests.Statements";
    private static readonly ActivitySource Source = new(SourceName);
    private readonly ActivityListener _listener;
    private readonly HashSet<string> _parents = [];
    private int _count;

    public StatementCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = a =>
            {
                lock (_parents)
                {
                    if (a.Source.Name == "Npgsql" && a.ParentSpanId != default && _parents.Contains(a.ParentSpanId.ToHexString()))
                    {
                        _count++;
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Runs the work under a fresh parent activity and returns how many statements it sent.</summary>
    public async Task<int> CountAsync(Func<Task> work)
    {
        using var parent = Source.StartActivity("question") ?? throw new InvalidOperationException("the counter's activity was not sampled");
        lock (_parents)
        {
            _count = 0;
            _parents.Add(parent.SpanId.ToHexString());
        }
        await work();
        lock (_parents)
        {
            _parents.Remove(parent.SpanId.ToHexString());
            return _count;
        }
    }

    public void Dispose() => _listener.Dispose();
}
