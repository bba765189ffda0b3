using System.Diagnostics;
using KnowledgeGraph.Bench.Load;

namespace KnowledgeGraph.Bench.Figures;

/// <summary>
/// Figure 4: every README question (<see cref="ReadmeQuestions"/>), asked by one client through the API, on generated
/// stores of growing size. The reference is linear growth from the smallest store, measured in the same run.
/// </summary>
public static class ScalingFigure
{
    /// <summary>The API with the limits out of the way and the answer cache off: the question's own time is measured.</summary>
    private static readonly Dictionary<string, string> Unlimited = new()
    {
        ["KG_RATE_LIMIT_PER_MINUTE"] = "2000000000",
        ["KG_GRAPHQL_MAX_COMPLEXITY"] = "2000000000",
        ["KG_COST_BUDGET_PER_MINUTE"] = "2000000000",
        ["KG_GRAPHQL_EXPENSIVE_CONCURRENCY"] = "100000",
        ["KG_GRAPHQL_TIMEOUT_SECONDS"] = "86400",
        ["KG_ANSWER_CACHE_MB"] = "0",
    };

    private sealed record Timing(int Orgs, IReadOnlyList<(string Name, double Ms, int Calls)> Questions);

    public static async Task RunAsync(string server, Workload workload, BenchSize size, Report report)
    {
        var timings = new List<Timing>();
        foreach (var orgs in size.ScalingOrgs)
        {
            timings.Add(await MeasureAsync((await workload.ProjectedAsync(server, orgs)).ConnectionString, orgs, size));
        }
        var smallest = timings[0];
        for (var q = 0; q < smallest.Questions.Count; q++)
        {
            var id = $"4{(char)('a' + q)}";
            foreach (var t in timings)
            {
                var (name, ms, calls) = t.Questions[q];
                Add(report, id, name, t.Orgs, ms, calls, smallest.Orgs, smallest.Questions[q].Ms);
            }
        }
        report.Note($"Figure 4: each README question through GraphQL (one client, loopback, answer cache off, limits out of the way), on the "
            + $"organization with the most suppliers; median of up to {size.QueryRepeats} calls after one warm-up, fewer when the calls "
            + $"of a question pass {size.QuestionTimeLimit.TotalSeconds:0} s (the number of calls is given). The ratio is the time against the "
            + "smallest store's time scaled linearly with the number of organizations (<= 100 % is no worse than linear).");
    }

    private static void Add(Report report, string id, string question, int orgs, double ms, int calls, int baseOrgs, double baseMs)
    {
        var linear = baseMs * orgs / baseOrgs;
        var first = orgs == baseOrgs;
        report.Add(new Row(id, $"{question}, {orgs:N0} orgs", $"{ms:0.0} ms ({calls} calls)",
            first ? "the base of the linear reference" : $"{linear:0.0} ms (linear from {baseOrgs:N0} orgs)",
            first ? "" : Row.Percent(ms / linear), first ? "" : "<= 100 %", first ? null : ms <= linear));
    }

    private static async Task<Timing> MeasureAsync(string connectionString, int orgs, BenchSize size)
    {
        using var api = GraphQLFigure.ApiProcess(connectionString, Unlimited);
        await api.WaitAsync(GraphQLFigure.ProjectedAsync, TimeSpan.FromMinutes(30));
        var orgId = await GraphQLFigure.MostSuppliedAsync(connectionString);
        var other = await GraphQLFigure.FirstOtherOrganizationAsync(connectionString, orgId);
        var url = new Uri(api.Address, "graphql");
        using var client = new LoadGenerator(1);
        var questions = new List<(string, double, int)>();
        foreach (var (name, body) in ReadmeQuestions.For(orgId, other))
        {
            await client.SendOnceAsync(url, body);
            var times = new List<double>();
            var spent = Stopwatch.StartNew();
            while (times.Count < size.QueryRepeats && (times.Count == 0 || spent.Elapsed < size.QuestionTimeLimit))
            {
                var clock = Stopwatch.StartNew();
                await client.SendOnceAsync(url, body);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            questions.Add((name, times.Order().ElementAt(times.Count / 2), times.Count));
        }
        Console.Error.WriteLine($"  4 measured at {orgs:N0} orgs");
        return new Timing(orgs, questions);
    }
}
