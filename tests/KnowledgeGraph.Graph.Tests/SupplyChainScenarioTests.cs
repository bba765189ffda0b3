using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// The contract every graph adapter meets: the analyses on the hand-built scenario (Testing/Scenarios), each expected
/// answer worked out by hand from docs/design.md and the scenario's events.
/// </summary>
[Collection(SharedGraphStores.Name)]
public class SupplyChainScenarioTests(ScenarioGraphs graphs) : IClassFixture<ScenarioGraphs>
{
    public static TheoryData<string> Adapters => new() { GraphSettings.Postgres, ScenarioGraphs.Composed, GraphSettings.Neo4jStore };

    private static readonly DateOnly Mid2023 = new(2023, 6, 1);
    private static readonly DateOnly Mid2025 = new(2025, 6, 1);
    private static readonly DateOnly Mid2026 = new(2026, 6, 1);

    private async Task<Dictionary<string, SupplyGap>> GapsAsync(string adapter, string product, DateOnly asOf, bool ownership = false) =>
        (await FirmsLackingSupplier.RunAsync(graphs.Reader(adapter),
            new FlagshipQuestion(product, "NATO", null, ["CN"], asOf, ownership), TestContext.Current.CancellationToken))
        .ToDictionary(g => g.Organization.Id);

    [Theory, MemberData(nameof(Adapters))]
    public async Task Flagship_In2025_ListsTheFirmsWithOnlyChineseOrNoSuppliers(string adapter)
    {
        var gaps = await GapsAsync(adapter, "ndfeb-magnet", Mid2025);

        // gm: jl-mag (CN) only, vac starts 2026; volvo-cars (NATO since 2024-03-07, consumes the category): vac ended
        // 2024-06-30 and jl-mag is only proposed; lockheed: bought before, its agreement ended 2023-01-01.
        // siemens-energy keeps eu-magnets (DE); renault needs smco, not ndfeb.
        Assert.Equal(["gm", "lockheed", "volvo-cars"], gaps.Keys.Order());
        Assert.Equal(["jl-mag"], gaps["gm"].Suppliers.Select(s => s.Supplier.Id));
        Assert.Equal("based in CN", gaps["gm"].Suppliers[0].ExcludedBecause);
        Assert.Equal(["sup-jl-gm"], gaps["gm"].Suppliers[0].Agreement.EventIds);
        Assert.Empty(gaps["volvo-cars"].Suppliers);
        Assert.Contains("consumes magnet", gaps["volvo-cars"].Reason);
        Assert.Contains("bought ndfeb-magnet before 2025-06-01", gaps["lockheed"].Reason);
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task Flagship_Before_SwedenJoinedNato_LeavesVolvoOut(string adapter)
    {
        var gaps = await GapsAsync(adapter, "ndfeb-magnet", Mid2023);

        Assert.Equal(["gm", "lockheed"], gaps.Keys.Order());
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task Flagship_In2026_CountsTheAgreementThatHasStarted(string adapter)
    {
        var gaps = await GapsAsync(adapter, "ndfeb-magnet", Mid2026);

        Assert.Equal(["lockheed", "volvo-cars"], gaps.Keys.Order());
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task Flagship_WithOwnership_ExcludesASupplierControlledFromChinaUpTheChain(string adapter)
    {
        var in2025 = await GapsAsync(adapter, "ndfeb-magnet", Mid2025, ownership: true);
        var in2026 = await GapsAsync(adapter, "ndfeb-magnet", Mid2026, ownership: true);

        // eu-magnets is 70 % mid-holding's, which is 60 % cn-holding's (CN): excluded. vac is only 30 % Chinese: it counts.
        Assert.Equal(["gm", "lockheed", "siemens-energy", "volvo-cars"], in2025.Keys.Order());
        Assert.Equal("controlled by cn-holding (CN)", in2025["siemens-energy"].Suppliers[0].ExcludedBecause);
        Assert.Equal(["lockheed", "siemens-energy", "volvo-cars"], in2026.Keys.Order());
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task Flagship_OnACategory_IncludesFirmsThatNeedAnyProductOfIt(string adapter)
    {
        var gaps = await GapsAsync(adapter, "magnet", Mid2025);

        // renault needs smco-magnet; its only agreement (vac) was retracted.
        Assert.Equal(["gm", "lockheed", "renault", "volvo-cars"], gaps.Keys.Order());
        Assert.Empty(gaps["renault"].Suppliers);
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task SupplyChain_FollowsTiersUpstream_AndStopsOnTheCycle(string adapter)
    {
        var tiers = await SupplyRelations.UpstreamAsync(graphs.Reader(adapter), "gm", "ndfeb-magnet", 6, Mid2025, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["1: jl-mag>gm ndfeb-magnet", "2: baotou-alloy>jl-mag ndfeb-alloy", "3: bayan-mine>baotou-alloy re-concentrate", "3: jl-mag>baotou-alloy magnet-scrap"],
            tiers.SelectMany(t => t.Links.Select(l => $"{t.Tier}: {l.Supplier.Id}>{l.Buyer.Id} {((Supplies)l.Agreement).Product}")).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task ShortestPath_FindsTheOwnershipRouteFromABuyerToItsSuppliersUltimateOwner(string adapter)
    {
        var path = await GraphPaths.ShortestAsync(graphs.Reader(adapter), "siemens-energy", "cn-holding", 4, Mid2025, TestContext.Current.CancellationToken);

        Assert.NotNull(path);
        Assert.Equal(3, path.Edges.Count);
        Assert.Equal(["siemens-energy", "eu-magnets", "mid-holding", "cn-holding"], path.Nodes.Select(n => n.Id));
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task ShortestPath_IsNull_BeyondMaxHops(string adapter) =>
        Assert.Null(await GraphPaths.ShortestAsync(graphs.Reader(adapter), "siemens-energy", "cn-holding", 2, Mid2025, TestContext.Current.CancellationToken));

    [Theory, MemberData(nameof(Adapters))]
    public async Task StrandedIf_ChinaIsCutOff_GmLosesEverySupplier(string adapter)
    {
        var stranded = await StrandedIf.RunAsync(graphs.Reader(adapter), ["CN"], "ndfeb-magnet", "NATO", Mid2025, TestContext.Current.CancellationToken);

        Assert.Equal(["gm"], stranded.Select(s => s.Organization.Id));
        Assert.Equal(["jl-mag"], stranded[0].LostSuppliers.Select(s => s.Supplier.Id));
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task StageConcentration_SharesOperatingCapacityByCountry(string adapter)
    {
        var in2024 = await StageConcentration.RunAsync(graphs.Reader(adapter), "magnet", new DateOnly(2024, 6, 1), TestContext.Current.CancellationToken);
        var in2025 = await StageConcentration.RunAsync(graphs.Reader(adapter), "magnet", Mid2025, TestContext.Current.CancellationToken);

        // 2024: ningbo 10,000 (CN), hanau 2,000 (DE); the eu-magnets plant is still under construction; narva has no capacity.
        Assert.Equal((12000m, 3, 1, 7222m), (in2024.TotalCapacityTonnesPerYear, in2024.OperatingFacilities, in2024.FacilitiesWithoutCapacity, in2024.Hhi));
        Assert.Equal([("CN", 83.33m), ("DE", 16.67m)], in2024.Countries.Select(c => (c.Country, c.SharePercent)));
        // 2025: the eu-magnets plant operates: DE 3,000 of 13,000.
        Assert.Equal((13000m, 4, 6450m), (in2025.TotalCapacityTonnesPerYear, in2025.OperatingFacilities, in2025.Hhi));
        Assert.Equal([("CN", 76.92m), ("DE", 23.08m)], in2025.Countries.Select(c => (c.Country, c.SharePercent)));
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task Suppliers_AreTheSignedAgreementsInForce(string adapter)
    {
        var ct = TestContext.Current.CancellationToken;
        var volvo2022 = await SupplyRelations.SuppliersAsync(graphs.Reader(adapter), "volvo-cars", "magnet", new DateOnly(2022, 1, 1), ct);
        var volvo2025 = await SupplyRelations.SuppliersAsync(graphs.Reader(adapter), "volvo-cars", "magnet", Mid2025, ct);
        var vacCustomers = await SupplyRelations.CustomersAsync(graphs.Reader(adapter), "vac", null, Mid2026, ct);

        Assert.Equal(["vac"], volvo2022.Select(l => l.Supplier.Id));
        Assert.Empty(volvo2025);
        Assert.Equal(["gm"], vacCustomers.Select(l => l.Buyer.Id));
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task Organizations_InABloc_FollowAccessionDates_AndPage(string adapter)
    {
        var ct = TestContext.Current.CancellationToken;
        var reader = graphs.Reader(adapter);
        var nato2023 = await reader.OrganizationsAsync(new Ports.OrganizationFilter(Bloc: "NATO"), Mid2023, null, 50, ct);
        var nato2025 = await reader.OrganizationsAsync(new Ports.OrganizationFilter(Bloc: "NATO"), Mid2025, null, 50, ct);
        var firstPage = await reader.OrganizationsAsync(new Ports.OrganizationFilter(Bloc: "NATO"), Mid2025, null, 3, ct);
        var secondPage = await reader.OrganizationsAsync(new Ports.OrganizationFilter(Bloc: "NATO"), Mid2025, firstPage.Items[^1].Id, 3, ct);
        var byAlias = await reader.OrganizationsAsync(new Ports.OrganizationFilter(Text: "SIEMENS"), Mid2025, null, 10, ct);

        Assert.DoesNotContain("volvo-cars", nato2023.Items.Select(n => n.Id));
        Assert.Equal(["eu-magnets", "gm", "lockheed", "renault", "siemens-energy", "vac", "volvo-cars"], nato2025.Items.Select(n => n.Id));
        Assert.Equal((7, true), (firstPage.TotalCount, firstPage.HasNextPage));
        Assert.Equal(["renault", "siemens-energy", "vac"], secondPage.Items.Select(n => n.Id));
        Assert.Equal(["siemens-energy"], byAlias.Items.Select(n => n.Id));
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task Deals_AtADate_ListOnlyThoseRegisteredByThen_WithTheEffectiveDateRange_AndPage(string adapter)
    {
        var ct = TestContext.Current.CancellationToken;
        var reader = graphs.Reader(adapter);
        var dayBefore = await reader.DealsAsync(new Ports.DealFilter(new DateOnly(2019, 12, 31)), null, 50, ct);
        var onTheDay = await reader.DealsAsync(new Ports.DealFilter(new DateOnly(2020, 1, 1)), null, 50, ct);
        var since2019 = await reader.DealsAsync(new Ports.DealFilter(new DateOnly(2019, 12, 31), From: new DateOnly(2019, 1, 1)), null, 50, ct);
        var secondPage = await reader.DealsAsync(new Ports.DealFilter(new DateOnly(2019, 12, 31)), "cn-mid", 3, ct);

        // jl-gm is signed 2020-01-01; the four deals of 2019-01-01 follow the two older ones by id; vac-renault is retracted.
        Assert.Equal(["bayan-baotou", "jl-lockheed", "baotou-jl", "cn-mid", "cninv-vac", "mid-eu"], dayBefore.Items.Select(n => n.Id));
        Assert.Equal(6, dayBefore.TotalCount);
        Assert.Equal((7, "jl-gm"), (onTheDay.TotalCount, onTheDay.Items[^1].Id));
        Assert.Equal(["baotou-jl", "cn-mid", "cninv-vac", "mid-eu"], since2019.Items.Select(n => n.Id));
        Assert.Equal(["cninv-vac", "mid-eu"], secondPage.Items.Select(n => n.Id));
        Assert.False(secondPage.HasNextPage);
    }
}
