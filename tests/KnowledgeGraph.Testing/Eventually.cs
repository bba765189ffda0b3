using System.Diagnostics;

namespace KnowledgeGraph.Testing;

/// <summary>
/// The one wait of these tests: polls until what is looked at is as wanted, with a deadline generous enough for a
/// loaded two-core machine. A server that does not answer yet (HttpRequestException) counts as not yet. A wait that
/// runs out says what it waited for and what it saw last; it never asserts a time.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public static async Task<T> UntilAsync<T>(string what, Func<Task<T>> look, Func<T, bool> wanted, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(wanted);
        var limit = deadline ?? Deadline;
        var started = Stopwatch.GetTimestamp();
        var last = "nothing";
        while (true)
        {
            try
            {
                var seen = await look();
                if (wanted(seen))
                {
                    return seen;
                }
                last = seen?.ToString() ?? "null";
            }
            catch (HttpRequestException e)
            {
                last = $"no answer ({e.Message})";
            }
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"{what}: not so within {limit.TotalSeconds} s; last seen: {last}");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
