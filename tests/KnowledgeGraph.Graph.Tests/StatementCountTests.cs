using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Every question is one statement in PostgreSQL however many results it has: each is asked twice, with few and with
/// more results, and the statements Npgsql sent are counted (the composed defaults, for comparison, send more).
/// </summary>
[Collection(SharedGraphStores.Name)]
public class StatementCountTests(ScenarioGraphs graphs) : IClassFixture<ScenarioGraphs>
{
    private static readonly DateOnly Mid2023 = new(2023, 6, 1);
    private static readonly DateOnly Mid2025 = new(2025, 6, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Questions => new()
    {
        "firmsLackingSupplier", "supplyChain", "shortestPath", "strandedIf", "stageConcentration", "suppliers", "node", "neighbours", "deals", "facilities",
    };

    /// <summary>The question asked for a small and a larger answer; returns the two result counts.</summary>
    private static async Task<(int Few, int More)> AskAsync(IGraphReader r, string question, Func<Func<Task<int>>, Task<int>> run) => question switch
    {
        "firmsLackingSupplier" => (await run(async () => (await FirmsLackingSupplier.RunAsync(r, new("ndfeb-magnet", "NATO", null, ["CN"], Mid2023, true), Ct)).Count),
            await run(async () => (await FirmsLackingSupplier.RunAsync(r, new("ndfeb-magnet", "NATO", null, ["CN"], Mid2025, true), Ct)).Count)),
        "supplyChain" => (await run(async () => (await SupplyRelations.UpstreamAsync(r, "gm", null, 1, Mid2025, Ct)).Sum(t => t.Links.Count)),
            await run(async () => (await SupplyRelations.UpstreamAsync(r, "gm", null, 6, Mid2025, Ct)).Sum(t => t.Links.Count))),
        "shortestPath" => (await run(async () => (await GraphPaths.ShortestAsync(r, "siemens-energy", "cn-holding", 2, Mid2025, Ct))?.Edges.Count ?? 0),
            await run(async () => (await GraphPaths.ShortestAsync(r, "siemens-energy", "cn-holding", 4, Mid2025, Ct))?.Edges.Count ?? 0)),
        "strandedIf" => (await run(async () => (await StrandedIf.RunAsync(r, ["DE"], "ndfeb-magnet", null, Mid2025, Ct)).Count),
            await run(async () => (await StrandedIf.RunAsync(r, ["CN", "DE"], "ndfeb-magnet", null, Mid2025, Ct)).Count)),
        "stageConcentration" => (await run(async () => (await StageConcentration.RunAsync(r, "separation", Mid2025, Ct)).Countries.Count),
            await run(async () => (await StageConcentration.RunAsync(r, "magnet", Mid2025, Ct)).Countries.Count)),
        "suppliers" => (await run(async () => (await SupplyRelations.SuppliersAsync(r, "volvo-cars", null, Mid2025, Ct)).Count),
            await run(async () => (await SupplyRelations.CustomersAsync(r, "jl-mag", null, Mid2025, Ct)).Count)),
        "node" => (await run(async () => await r.NodeAsync("nobody", Ct) is null ? 0 : 1), await run(async () => await r.NodeAsync("gm", Ct) is null ? 0 : 1)),
        "neighbours" => (await run(async () => (await GraphPaths.NeighboursAsync(r, "EE", null, true, true, Mid2025, 0, 500, Ct)).Items.Count),
            await run(async () => (await GraphPaths.NeighboursAsync(r, "DE", null, true, true, Mid2025, 0, 500, Ct)).Items.Count)),
        "deals" => (await run(async () => (await r.DealsAsync(new DealFilter(Mid2025, Kind: DealKind.Supply), null, 1, Ct)).Items.Count),
            await run(async () => (await r.DealsAsync(new DealFilter(Mid2025, Kind: DealKind.Supply), null, 50, Ct)).Items.Count)),
        _ => (await run(async () => (await r.FacilitiesAsync(new FacilityFilter(Mid2025), null, 1, Ct)).Items.Count),
            await run(async () => (await r.FacilitiesAsync(new FacilityFilter(Mid2025), null, 50, Ct)).Items.Count)),
    };

    [Theory, MemberData(nameof(Questions))]
    public async Task EachQuestion_IsOneStatement_HoweverManyResults(string question)
    {
        using var counter = new StatementCounter();
        var statements = new List<int>();
        var reader = graphs.Reader(GraphSettings.Postgres);

        var (few, more) = await AskAsync(reader, question, async ask =>
        {
            var results = 0;
            statements.Add(await counter.CountAsync(async () => results = await ask()));
            return results;
        });

        Assert.True(more > few, $"the second {question} should have more results ({few} then {more})");
        Assert.Equal([1, 1], statements);
    }

    [Fact]
    public async Task TheComposedDefaults_SendMoreStatementsForLongerChains()
    {
        using var counter = new StatementCounter();
        var reader = graphs.Reader(ScenarioGraphs.Composed);

        var shallow = await counter.CountAsync(() => SupplyRelations.UpstreamAsync(reader, "gm", null, 1, Mid2025, Ct));
        var deep = await counter.CountAsync(() => SupplyRelations.UpstreamAsync(reader, "gm", null, 6, Mid2025, Ct));

        Assert.True(deep > shallow, $"{shallow} then {deep}");
    }
}
