namespace KnowledgeGraph.Cli.Generate;

/// <summary>The world dates the generated events take effect on.</summary>
internal static class Timeline
{
    public static DateOnly Start { get; } = new(2000, 1, 1);

    public static DateOnly End { get; } = new(2025, 12, 31);

    /// <summary>Organizations appear until mid-2023, leaving time for their deals and what follows them.</summary>
    public static DateOnly LastRegistration { get; } = new(2023, 6, 30);

    /// <summary>A date some days after <paramref name="date"/>, or null when that falls beyond the end.</summary>
    public static DateOnly? After(Random random, DateOnly date, int minDays, int maxDays)
    {
        var later = date.AddDays(random.Next(minDays, maxDays + 1));
        return later <= End ? later : null;
    }
}
