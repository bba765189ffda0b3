using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Node attributes in both clocks: a facility's status and capacity, a firm's name, a policy's title and status and a
/// deal's status as they were at a world date, as the events recorded up to a knowledge point describe them (scenario
/// files attributes-*.jsonl and versions-*.jsonl), in PostgreSQL and in Neo4j (from its history, when KG_NEO4J_URL is set).
/// </summary>
[Collection(SharedGraphStores.Name)]
public class AttributesInWorldTimeTests
{
    [Theory]
    [InlineData(GraphSettings.Postgres)]
    [InlineData(GraphSettings.Neo4jStore)]
    public async Task AFacilityChangedIn2024_ReadsAsItWasIn2023And2025_AtEachKnowledgePoint(string graphStore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var graph = StoreUnderTest.Open(graphStore, database);
        var (writer, reader) = (graph.Writer, graph.Reader);
        var points = await ImportEachAsync(database, writer, reader, ct, "attributes-1-registered.jsonl", "attributes-2-changed.jsonl");

        var seen = new List<string>();
        foreach (var point in points)
        {
            foreach (var asOf in new DateOnly[] { new(2023, 6, 1), new(2025, 6, 1) })
            {
                seen.Add(await DescribeAsync(reader.KnownAt(new Knowledge(point)).AttributesAsOf(asOf), ct));
            }
        }
        var latest = await DescribeAsync(reader, ct);
        var beforeRegistration = await DescribeAsync(reader.AttributesAsOf(new DateOnly(2015, 1, 1)), ct);

        Assert.Equal(
        [
            "UnderConstruction - Nordic Oxides", "UnderConstruction - Nordic Oxides", // nothing of 2024 recorded yet
            "UnderConstruction - Nordic Oxides", "Operating 2000 Nordic Rare Earths",
        ], seen);
        Assert.Equal("Operating 2000 Nordic Rare Earths", latest);
        Assert.Equal("UnderConstruction - Nordic Oxides", beforeRegistration);
    }

    [Theory]
    [InlineData(GraphSettings.Postgres)]
    [InlineData(GraphSettings.Neo4jStore)]
    public async Task APolicyAmendedAndRevoked_AndADealEnded_ReadAsTheyWereAtEachDate_AtEachKnowledgePoint(string graphStore)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var graph = StoreUnderTest.Open(graphStore, database);
        var (writer, reader) = (graph.Writer, graph.Reader);
        var points = await ImportEachAsync(database, writer, reader, ct, "versions-1-recorded.jsonl", "versions-2-changed.jsonl");

        var seen = new List<string>();
        foreach (var point in points)
        {
            foreach (var asOf in new DateOnly[] { new(2015, 1, 1), new(2021, 6, 1), new(2022, 6, 1), new(2023, 6, 1), new(2024, 9, 1), new(2025, 9, 1) })
            {
                seen.Add(await DescribeDealAndPolicyAsync(reader.KnownAt(new Knowledge(point)).AttributesAsOf(asOf), asOf, ct));
            }
        }
        var latest = await DescribeDealAndPolicyAsync(reader, new DateOnly(2026, 1, 1), ct);

        Assert.Equal(
        [
            // Before the enactment and the signing: as registered, and neither listed; in mid-2021 the grant is listed, the
            // agreement (signed 2022-03-01) not yet. The amendment of 2023 is believed at the first point.
            "Magnet grant InForce - ndfeb-magnet | Signed - | revoked: 0 | listed: 0 policies, 0 deals",
            "Magnet grant InForce - ndfeb-magnet | Signed - | revoked: 0 | listed: 1 policies, 0 deals",
            "Magnet grant InForce - ndfeb-magnet | Signed - | revoked: 0 | listed: 1 policies, 1 deals",
            "Magnet and alloy grant InForce - ndfeb-magnet,ndfeb-alloy | Signed - | revoked: 0 | listed: 1 policies, 1 deals",
            "Magnet and alloy grant InForce - ndfeb-magnet,ndfeb-alloy | Signed - | revoked: 0 | listed: 1 policies, 1 deals",
            "Magnet and alloy grant InForce - ndfeb-magnet,ndfeb-alloy | Signed - | revoked: 0 | listed: 1 policies, 1 deals",
            // The second point retracts it, renames the grant from 2024, ends the agreement in 2024-07 and revokes the grant in 2025-06.
            "Magnet grant InForce - ndfeb-magnet | Signed - | revoked: 0 | listed: 0 policies, 0 deals",
            "Magnet grant InForce - ndfeb-magnet | Signed - | revoked: 0 | listed: 1 policies, 0 deals",
            "Magnet grant InForce - ndfeb-magnet | Signed - | revoked: 0 | listed: 1 policies, 1 deals",
            "Magnet grant InForce - ndfeb-magnet | Signed - | revoked: 0 | listed: 1 policies, 1 deals",
            "Magnet grant 2024 InForce - ndfeb-magnet | Ended 2024-07-01 | revoked: 0 | listed: 1 policies, 1 deals",
            "Magnet grant 2024 Revoked 2025-06-01 ndfeb-magnet | Ended 2024-07-01 | revoked: 1 | listed: 1 policies, 1 deals",
        ], seen);
        Assert.Equal("Magnet grant 2024 Revoked 2025-06-01 ndfeb-magnet | Ended 2024-07-01 | revoked: 1 | listed: 1 policies, 1 deals", latest);
    }

    /// <summary>Imports the scenario files one after the other, projecting each, and returns the knowledge point after each.</summary>
    private static async Task<List<long>> ImportEachAsync(TestDatabase database, IGraphWriter writer, IGraphReader reader, CancellationToken ct, params string[] files)
    {
        await using var store = database.CreateStore();
        var points = new List<long>();
        foreach (var file in files)
        {
            var summary = await new Importer(store, database.ConnectionString).ImportAsync(JsonLinesSource.Read([GraphFixture.ScenarioFile(file)]), ct: ct);
            Assert.Empty(summary.Rejections);
            await GraphRebuild.RunAsync(store, writer, null, 100, ct);
            points.Add((await reader.KnowledgeAsync(Knowledge.All, ct)).Sequence);
        }
        return points;
    }

    /// <summary>
    /// The grant read by id, the agreement found by the question that finds a node of any label, the revoked policies
    /// listed, and how many policies and deals are listed at the date.
    /// </summary>
    private static async Task<string> DescribeDealAndPolicyAsync(IGraphReader reader, DateOnly asOf, CancellationToken ct)
    {
        var grant = Assert.IsType<Policy>(Assert.Single(await reader.NodesAsync(Labels.Policy, ["se-magnet-grant"], ct)));
        var agreement = Assert.IsType<SupplyAgreement>(await reader.NodeAsync("fjord-baltic-oxide", ct));
        var revoked = await reader.PoliciesAsync(new PolicyFilter(asOf, Status: PolicyStatus.Revoked), null, 10, ct);
        var policies = await reader.PoliciesAsync(new PolicyFilter(asOf), null, 10, ct);
        var deals = await reader.DealsAsync(new DealFilter(asOf), null, 10, ct);
        return $"{grant.Title} {grant.Status} {Date(grant.RevokedOn)} {string.Join(',', grant.Products)} | {agreement.Status} {Date(agreement.EndedOn)} | revoked: {revoked.TotalCount}"
            + $" | listed: {policies.TotalCount} policies, {deals.TotalCount} deals";
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The plant read by id and the firm found by the question that finds a node of any label, both through the graph's views.</summary>
    private static async Task<string> DescribeAsync(IGraphReader reader, CancellationToken ct)
    {
        var plant = Assert.IsType<Facility>(Assert.Single(await reader.NodesAsync(Labels.Facility, ["lulea-plant"], ct)));
        var firm = Assert.IsType<Organization>(await reader.NodeAsync("nordic-oxides", ct));
        return $"{plant.Status} {plant.CapacityTonnesPerYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {firm.Name}";
    }
}
