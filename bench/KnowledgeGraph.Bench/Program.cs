using KnowledgeGraph.Bench;
using KnowledgeGraph.Bench.Figures;
using KnowledgeGraph.Bench.Load;

// run: every figure, as a table; the other commands are the separate processes the figures measure.
return args switch
{
    ["run", .. var rest] => await BenchRunner.RunAsync(BenchOptions.Parse(rest)),
    ["import-child", var mode, var file, var connection] => await ImportChild.RunAsync(mode, file, connection),
    ["reference-server", var connection, var url] => await ReferenceServer.RunAsync(connection, url),
    ["micro", .. var rest] => MicroBenchmarks.Run(BenchOptions.Parse(rest)),
    ["fold", .. var rest] => FoldBenchmarks.Run(BenchOptions.Parse(rest)),
    ["read-side", var org, var other, var seconds, .. var targets] => await ReadSideFigure.RunAsync(org, other,
        TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)), targets.Select(ReadSideTarget).ToList()),
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
    Console.Error.WriteLine("usage: KnowledgeGraph.Bench run [--size tiny|small|full] [--out FOLDER] [--only 1,1m,2,3,4,5]");
    Console.Error.WriteLine("       KnowledgeGraph.Bench micro [--size tiny|small|full]   (BenchmarkDotNet micro-benchmarks)");
    Console.Error.WriteLine("       KnowledgeGraph.Bench fold [--size tiny|small|full]    (the projection's fold of one stream of 5, 50 and 500 events)");
    Console.Error.WriteLine("       KnowledgeGraph.Bench read-side ORG_ID OTHER_ID SECONDS LABEL=URL[@PID]...   (the README's questions against running APIs)");
    return 2;
}
