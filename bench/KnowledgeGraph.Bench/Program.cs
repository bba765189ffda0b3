using KnowledgeGraph.Bench;
using KnowledgeGraph.Bench.Figures;
using KnowledgeGraph.Bench.Load;

// run: every figure, as a table; the other commands are the separate processes the figures measure.
BenchOptions Options(string[] rest)
{
    try
    {
        return BenchOptions.Parse(rest);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Environment.Exit(Usage());
        throw;
    }
}

return args switch
{
    ["run", .. var rest] => await BenchRunner.RunAsync(Options(rest)),
    ["import-child", var mode, var file, var connection] => await ImportChild.RunAsync(mode, file, connection),
    ["reference-server", var connection, var url] => await ReferenceServer.RunAsync(connection, url),
    ["micro", .. var rest] => MicroBenchmarks.Run(Options(rest)),
    ["fold", .. var rest] => FoldBenchmarks.Run(Options(rest)),
    ["read-side", var org, var other, var seconds, .. var targets] => await ReadSideFigure.RunAsync(org, other,
        TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)), targets.Select(ReadSideTarget).ToList()),
    ["analyses", var org, var other, var api, var reference] => await GraphQLFigure.CheckAsync(org, other, new Uri(api), new Uri(reference)),
    _ => Usage(),
};

// label=url[@pid], e.g. after=http://127.0.0.1:5080/graphql@1234
static ReadSideFigure.Target ReadSideTarget(string arg)
{
    var (label, rest) = (arg[..arg.IndexOf('=', StringComparison.Ordinal)], arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    var at = rest.LastIndexOf('@');
    return at < 0 ? new(label, new Uri(rest), null)
        : new(label, new Uri(rest[..at]), int.Parse(rest[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}

static int Usage()
{
    Console.Error.WriteLine("usage: KnowledgeGraph.Bench run [--size tiny|small|full] [--only 1,2,2l,3,4,5] [--out FOLDER]");
    Console.Error.WriteLine("       KnowledgeGraph.Bench micro [--size tiny|small|full]   (BenchmarkDotNet micro-benchmarks)");
    Console.Error.WriteLine("       KnowledgeGraph.Bench fold [--size tiny|small|full]    (the projection's fold of one stream of 5, 50 and 500 events)");
    Console.Error.WriteLine("       KnowledgeGraph.Bench read-side ORG_ID OTHER_ID SECONDS LABEL=URL[@PID]...   (the README's questions against running APIs)");
    Console.Error.WriteLine("       KnowledgeGraph.Bench analyses ORG_ID OTHER_ID API_URL REFERENCE_URL   (figure 3g on, once: same answers? best of 3)");
    return 2;
}
