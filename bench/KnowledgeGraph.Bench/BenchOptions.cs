namespace KnowledgeGraph.Bench;

/// <summary>How big each figure's workload is. tiny: the CI smoke run (seconds); small: a laptop; full: the issue's sizes.</summary>
public sealed record BenchSize(
    string Name,
    int ImportOrgs,
    int ServeOrgs,
    int Requests,
    TimeSpan LoadTimeLimit,
    IReadOnlyList<int> ScalingOrgs,
    int QueryRepeats,
    TimeSpan QuestionTimeLimit,
    int LagEvents,
    TimeSpan LagLoadTime)
{
    public static readonly BenchSize Tiny = new("tiny", 20, 20, 96, TimeSpan.FromSeconds(10), [10, 20, 40], 3, TimeSpan.FromSeconds(2), 50, TimeSpan.FromSeconds(60));
    public static readonly BenchSize Small = new("small", 2_000, 1_000, 3_000, TimeSpan.FromSeconds(30), [1_000, 2_000, 10_000], 7, TimeSpan.FromSeconds(10), 2_000,
        TimeSpan.FromSeconds(120));

    /// <summary>
    /// The issue's sizes: import and rebuild of 100,000 organizations (about a million events), figure 4 from 1,000 to
    /// 100,000 and figure 3 on 10,000; the load limits keep the whole run within an hour on two cores.
    /// </summary>
    public static readonly BenchSize Full = new("full", 100_000, 10_000, 10_000, TimeSpan.FromSeconds(30), [1_000, 10_000, 100_000], 7, TimeSpan.FromSeconds(20),
        10_000, TimeSpan.FromSeconds(240));

    public static BenchSize Named(string name) => name switch
    {
        "tiny" => Tiny,
        "small" => Small,
        "full" => Full,
        _ => throw new ArgumentException($"--size is '{name}'; it must be tiny, small or full"),
    };
}

/// <summary>
/// The size, where the table is written, and which figures run (all when <see cref="Only"/> is null): a group by its
/// number (2 is the projection with its lag), or 2l, the lag alone.
/// </summary>
public sealed record BenchOptions(BenchSize Size, string OutputFolder, IReadOnlySet<string>? Only = null)
{
    public static readonly IReadOnlyList<string> Groups = ["1", "2", "2l", "3", "4", "5"];

    /// <summary>Whether the figure runs: named itself, or its group (the figure's leading digit) named.</summary>
    public bool Runs(string figure) => Only is null || Only.Contains(figure) || Only.Contains(figure[..1]);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var size = BenchSize.Small;
        var output = Path.Combine(RepositoryPaths.Root, "bench", "results");
        HashSet<string>? only = null;
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
                    only = [.. args[++i].Split(',').Select(Group)];
                    break;
                default:
                    throw new ArgumentException($"unrecognized argument '{args[i]}'");
            }
        }
        return new BenchOptions(size, output, only);
    }

    private static string Group(string text) =>
        Groups.Contains(text) ? text
        : throw new ArgumentException($"--only takes figure numbers among {string.Join(",", Groups)} separated by commas, not '{text}'");
}
