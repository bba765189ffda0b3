namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The one wait of these tests: polls until what is looked at is as wanted, with a deadline generous enough for a
/// loaded two-core machine. A wait that runs out says what it waited for and what it saw last; it never asserts a time.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public static async Task<T> UntilAsync<T>(string what, Func<Task<T>> look, Func<T, bool> wanted, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            var seen = await look();
            if (wanted(seen))
            {
                return seen;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{what}: not so within {(deadline ?? Deadline).TotalSeconds} s; last seen: {seen}");
            }
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
