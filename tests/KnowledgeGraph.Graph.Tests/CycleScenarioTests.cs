using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Chains, paths and control on cyclic graphs (Testing/Scenarios/cycles.jsonl), before and after retractions; every
/// expected answer worked out by hand from the scenario's events.
/// </summary>
public class CycleScenarioTests(CycleGraphs graphs) : IClassFixture<CycleGraphs>
{
    public static TheoryData<bool, string> Cases => new()
    {
        { false, GraphSettings.Postgres }, { true, GraphSettings.Postgres }, { false, ScenarioGraphs.Composed }, { true, ScenarioGraphs.Composed },
    };

    private static readonly DateOnly In2025 = new(2025, 6, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Cases))]
    public async Task SupplyChain_GoesRoundTheRingOnce(bool retracted, string adapter)
    {
        var tiers = await SupplyRelations.UpstreamAsync(graphs.Reader(retracted, adapter), "ring-a", null, 8, In2025, Ct);

        // b supplies a, c supplies b, a and d supply c; a is where the chain started, so it is listed but not followed.
        // Retracted: a no longer supplies c.
        string[] expected = retracted
            ? ["1: ring-b>ring-a", "2: ring-c>ring-b", "3: ring-d>ring-c"]
            : ["1: ring-b>ring-a", "2: ring-c>ring-b", "3: ring-a>ring-c", "3: ring-d>ring-c"];
        Assert.Equal(expected, tiers.SelectMany(t => t.Links.Select(l => $"{t.Tier}: {l.Supplier.Id}>{l.Buyer.Id}")));
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task ShortestPath_TakesTheShortcutUntilItIsRetracted(bool retracted, string adapter)
    {
        var path = await GraphPaths.ShortestAsync(graphs.Reader(retracted, adapter), "ring-a", "ring-d", 6, In2025, Ct);

        Assert.NotNull(path);
        Assert.Equal(retracted ? ["ring-a", "ring-b", "ring-c", "ring-d"] : ["ring-a", "ring-c", "ring-d"], path.Nodes.Select(n => n.Id));
        Assert.All(path.Edges, e => Assert.Equal("SUPPLIES", e.Type));
        Assert.Equal(path.Nodes.Count - 1, path.Edges.Count);
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task ShortestPath_OnTheOwnershipCycle_IsOneHop_AndToItselfIsEmpty(bool retracted, string adapter)
    {
        var reader = graphs.Reader(retracted, adapter);
        var mutual = await GraphPaths.ShortestAsync(reader, "hold-x", "hold-y", 3, In2025, Ct);
        var itself = await GraphPaths.ShortestAsync(reader, "hold-x", "hold-x", 3, In2025, Ct);
        var beforeAnyStake = await GraphPaths.ShortestAsync(reader, "hold-x", "ring-b", 2, new DateOnly(2018, 1, 1), Ct);

        Assert.Equal(["hold-x", "hold-y"], mutual!.Nodes.Select(n => n.Id));
        Assert.Equal(["hold-x"], itself!.Nodes.Select(n => n.Id));
        Assert.Empty(itself.Edges);
        Assert.Null(beforeAnyStake);
        await Assert.ThrowsAsync<QueryInputException>(() => GraphPaths.ShortestAsync(reader, "hold-x", "nobody", 3, In2025, Ct));
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Flagship_FollowsControlUpToTheCycle_AndDropsARetractedStake(bool retracted, string adapter)
    {
        var gaps = await FirmsLackingSupplier.RunAsync(graphs.Reader(retracted, adapter),
            new FlagshipQuestion("ndfeb-magnet", null, ["US"], ["NL"], In2025, ConsiderOwnership: true), Ct);

        // ring-b (DE) is 60 % hold-y's (NL), which hold-x and hold-y control in turn: the walk up ends on the cycle.
        if (retracted)
        {
            Assert.Empty(gaps);
            return;
        }
        var gap = Assert.Single(gaps);
        Assert.Equal("ring-a", gap.Organization.Id);
        Assert.Equal("controlled by hold-y (NL)", Assert.Single(gap.Suppliers).ExcludedBecause);
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Flagship_BeforeTheAgreement_HasNoSupplier_AndWithoutOwnershipCountsTheSupplier(bool retracted, string adapter)
    {
        var reader = graphs.Reader(retracted, adapter);
        var in2019 = await FirmsLackingSupplier.RunAsync(reader, new FlagshipQuestion("magnet", null, ["US"], ["NL"], new DateOnly(2019, 6, 1)), Ct);
        var noOwnership = await FirmsLackingSupplier.RunAsync(reader, new FlagshipQuestion("magnet", null, ["US"], ["NL"], In2025), Ct);

        var gap = Assert.Single(in2019);
        Assert.Empty(gap.Suppliers);
        Assert.Equal("needs magnet (consumes ndfeb-magnet) and has no supply agreement for it in force on 2019-06-01", gap.Reason);
        Assert.Empty(noOwnership);
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task StrandedIf_CuttingChina_StrandsTheFirmsOnlyChinaSupplies(bool retracted, string adapter)
    {
        var reader = graphs.Reader(retracted, adapter);
        var alloy = await StrandedIf.RunAsync(reader, ["CN"], "alloy", null, In2025, Ct);
        var scrap = await StrandedIf.RunAsync(reader, ["US"], "recycled", null, In2025, Ct);

        Assert.Equal(["ring-b"], alloy.Select(s => s.Organization.Id));
        Assert.Equal(retracted ? [] : ["ring-c"], scrap.Select(s => s.Organization.Id));
    }
}
