using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Projection;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// Node attributes in both clocks: a facility's status and capacity and a firm's name as they were at a world date,
/// as the events recorded up to a knowledge point describe them (scenario files attributes-*.jsonl).
/// </summary>
public class AttributesInWorldTimeTests
{
    [Fact]
    public async Task AFacilityChangedIn2024_ReadsAsItWasIn2023And2025_AtEachKnowledgePoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (writer, reader, dataSource) = GraphFixture.Postgres(database);
        await using var __ = dataSource;
        await using var store = database.CreateStore();
        var points = new List<long>();
        foreach (var file in new[] { "attributes-1-registered.jsonl", "attributes-2-changed.jsonl" })
        {
            var summary = await new Importer(store, database.ConnectionString).ImportAsync(JsonLinesSource.Read([GraphFixture.ScenarioFile(file)]), ct: ct);
            Assert.Empty(summary.Rejections);
            await GraphRebuild.RunAsync(store, writer, null, 100, ct);
            points.Add((await reader.KnowledgeAsync(Knowledge.All, ct)).Sequence);
        }

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

    /// <summary>The plant read by id and the firm found by the question that finds a node of any label, both through the graph's views.</summary>
    private static async Task<string> DescribeAsync(IGraphReader reader, CancellationToken ct)
    {
        var plant = Assert.IsType<Facility>(Assert.Single(await reader.NodesAsync(Labels.Facility, ["lulea-plant"], ct)));
        var firm = Assert.IsType<Organization>(await reader.NodeAsync("nordic-oxides", ct));
        return $"{plant.Status} {plant.CapacityTonnesPerYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {firm.Name}";
    }
}
