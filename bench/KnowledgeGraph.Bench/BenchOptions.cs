namespace KnowledgeGraph.Bench;

/// <summary>How big each figure's workload is. tiny: the CI smoke run (seconds); small: a laptop; full: the issue's sizes.</summary>
public sealed record BenchSize(
    string Name,
    int ImportOrgs,
    int ServeOrgs,
    int Requests,
    TimeSpan LoadTimeLimit,
    IReadOnlyList<int> ScalingOrgs,
    int QueryRepeats)
{
    public static readonly BenchSize Tiny = new("tiny", 20, 20, 96, TimeSpan.FromSeconds(10), [10, 20, 40], 3);
    public static readonly BenchSize Small = new("small", 2_000, 1_000, 3_000, TimeSpan.FromSeconds(30), [1_000, 3_000, 10_000], 7);
    public static readonly BenchSize Full = new("full", 10_000, 10_000, 20_000, TimeSpan.FromSeconds(120), [1_000, 10_000, 100_000], 9);

    public static BenchSize Named(string name) => name switch
    {
        "tiny" => Tiny,
        "small" => Small,
        "full" => Full,
        _ => throw new ArgumentException($"--size is '{name}'; it must be tiny, small or full"),
    };
}

/// <summary>The size, where the table goes, and which figure groups run (<c>--only 1,2</c>; every one when not given).</summary>
public sealed record BenchOptions(BenchSize Size, string OutputFolder, IReadOnlySet<string> Only)
{
    /// <summary>The figure groups <c>--only</c> can name: 1 (import, with 6b), 1m, 2, 3 (with 6a), 4, 5.</summary>
    public static readonly IReadOnlyList<string> Figures = ["1", "1m", "2", "3", "4", "5"];

    public bool Runs(string figure) => Only.Contains(figure);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var size = BenchSize.Small;
        var output = Path.Combine(RepositoryPaths.Root, "bench", "results");
        IReadOnlySet<string> only = Figures.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--size" when i + 1 < args.Count:
                    size = BenchSize.Named(args[++i]);
                    break;
                case "--out" when i + 1 < args.Count:
                    output = Path.GetFullPath(args[++i]);
                    break;
                case "--only" when i + 1 < args.Count:
                    only = ParseOnly(args[++i]);
                    break;
                default:
                    throw new ArgumentException($"unrecognized argument '{args[i]}'");
            }
        }
        return new BenchOptions(size, output, only);
    }

    private static HashSet<string> ParseOnly(string list)
    {
        var named = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = named.Where(f => !Figures.Contains(f)).ToList();
        if (named.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"--only is '{list}'; it must be a comma-separated list of {string.Join(", ", Figures)}");
        }
        return named;
    }
}
