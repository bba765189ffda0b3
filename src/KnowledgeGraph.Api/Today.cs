namespace KnowledgeGraph.Api;

/// <summary>
/// "Today" for a question without asOf: the UTC date of the one <see cref="TimeProvider"/> registered in Program.cs, so
/// that a test can set it.
/// </summary>
internal static class Today
{
    public static DateOnly Of(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public static DateOnly Of(IServiceProvider services) => Of(services.GetRequiredService<TimeProvider>());
}
