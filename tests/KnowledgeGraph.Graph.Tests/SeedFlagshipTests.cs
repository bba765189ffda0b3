using KnowledgeGraph.Graph.Queries;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// The flagship question on graph-seed, at two dates, against answers read off the seed's events by hand:
/// GM's magnets come from MP Materials (from 2021-12-09), VAC (2023-01-30) and Noveon (2025-07-01); Tesla's from
/// JL MAG (CN, from 2025-07-10); Apple's from MP Materials only from 2027-01-01.
/// </summary>
public class SeedFlagshipTests
{
    private static FlagshipQuestion UsFirms(DateOnly asOf) => new("ndfeb-magnet", null, ["US"], ["CN"], asOf);

    [Fact]
    public async Task Flagship_OnGraphSeed_AtTwoDates_MatchesTheSeedsAgreements()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (writer, reader, dataSource) = GraphFixture.Postgres(database);
        await using var _ = dataSource;
        await GraphFixture.ImportAndProjectAsync(database, writer, RepositoryPaths.GraphSeed);

        var in2021 = (await FirmsLackingSupplier.RunAsync(reader, UsFirms(new DateOnly(2021, 6, 1)), ct)).ToDictionary(g => g.Organization.Id);
        var in2025 = (await FirmsLackingSupplier.RunAsync(reader, UsFirms(new DateOnly(2025, 11, 1)), ct)).ToDictionary(g => g.Organization.Id);

        Assert.Contains("general-motors", in2021.Keys);
        Assert.Empty(in2021["general-motors"].Suppliers);
        Assert.Contains("tesla", in2021.Keys);

        Assert.DoesNotContain("general-motors", in2025.Keys);
        var tesla = in2025["tesla"];
        Assert.Equal(["jl-mag"], tesla.Suppliers.Select(s => s.Supplier.Id));
        Assert.Equal("based in CN", tesla.Suppliers[0].ExcludedBecause);
        Assert.Equal(["evt-sup-jlmag-tesla"], tesla.Suppliers[0].Agreement.EventIds);
        var source = Assert.Single(await reader.EventsAsync(tesla.Suppliers[0].Agreement.EventIds, ct));
        Assert.False(string.IsNullOrWhiteSpace(source.Source.Publisher));
        Assert.Contains("apple", in2025.Keys);
        Assert.Empty(in2025["apple"].Suppliers);
    }
}
