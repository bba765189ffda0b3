namespace KnowledgeGraph.Cli.Generate;

/// <summary>The draws the generator makes, all from the one seeded <see cref="Random"/> so that a seed gives one file.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T Weighted<T>(this Random random, IReadOnlyList<(T Item, int Weight)> items)
    {
        var draw = random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if ((draw -= weight) < 0)
            {
                return item;
            }
        }
        throw new InvalidOperationException("weights must be positive");
    }

    /// <summary>A small count with the given mean (Poisson), so that most firms have a few deals and some many.</summary>
    public static int Count(this Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            count++;
        }
        return count;
    }

    public static DateOnly Between(this Random random, DateOnly first, DateOnly last) =>
        last <= first ? first : first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>Distinct items, between one and <paramref name="most"/> of them, in the order first drawn.</summary>
    public static List<T> Some<T>(this Random random, IReadOnlyList<T> items, int most)
    {
        var count = random.Next(1, most + 1);
        var chosen = new List<T>(count);
        for (var tries = 0; chosen.Count < count && tries < count * 4; tries++)
        {
            var item = random.Pick(items);
            if (!chosen.Contains(item))
            {
                chosen.Add(item);
            }
        }
        return chosen;
    }
}
