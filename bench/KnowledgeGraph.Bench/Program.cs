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
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: KnowledgeGraph.Bench run [--size tiny|small|full] [--out FOLDER]");
    Console.Error.WriteLine("       KnowledgeGraph.Bench micro [--size tiny|small|full]   (BenchmarkDotNet micro-benchmarks)");
    return 2;
}
