using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;

namespace KnowledgeGraph.Graph.Tests;

/// <summary>
/// The contract of the deals and policies lists at a world date, in every adapter: a deal or policy is listed (and
/// counted) from the day it was registered, not before, whatever its later changes (scenario files versions-*.jsonl:
/// the grant enacted 2021-01-01, the agreement signed 2022-03-01).
/// </summary>
[Collection(SharedGraphStores.Name)]
public class DealsAndPoliciesAtADateTests(VersionGraphs graphs) : IClassFixture<VersionGraphs>
{
    public static TheoryData<string> Adapters => new() { GraphSettings.Postgres, ScenarioGraphs.Composed, GraphSettings.Neo4jStore };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Adapters))]
    public async Task ADeal_IsListedAndCountedFromTheDayItWasSigned_WithinTheEffectiveDateRange(string adapter)
    {
        var reader = graphs.Reader(adapter);
        var seen = new List<string>();
        foreach (var filter in new DealFilter[]
        {
            new(new DateOnly(2022, 2, 28)), new(new DateOnly(2022, 3, 1)), new(new DateOnly(2030, 1, 1)),
            new(new DateOnly(2022, 2, 28), To: new DateOnly(2022, 12, 31)), new(new DateOnly(2030, 1, 1), From: new DateOnly(2022, 3, 1), To: new DateOnly(2022, 3, 1)),
            new(new DateOnly(2030, 1, 1), To: new DateOnly(2022, 2, 28)),
        })
        {
            seen.Add(Described(await reader.DealsAsync(filter, null, 10, Ct)));
        }

        Assert.Equal(["0:", "1:fjord-baltic-oxide", "1:fjord-baltic-oxide", "0:", "1:fjord-baltic-oxide", "0:"], seen);
    }

    [Theory, MemberData(nameof(Adapters))]
    public async Task APolicy_IsListedAndCountedFromTheDayItWasEnacted_WithTheOtherFilters(string adapter)
    {
        var reader = graphs.Reader(adapter);
        var seen = new List<string>();
        foreach (var filter in new PolicyFilter[]
        {
            new(new DateOnly(2020, 12, 31)), new(new DateOnly(2021, 1, 1)), new(new DateOnly(2030, 1, 1)),
            new(new DateOnly(2020, 12, 31), Jurisdiction: "SE"), new(new DateOnly(2021, 1, 1), Jurisdiction: "SE", Beneficiary: "baltic-magnets"),
            new(new DateOnly(2021, 1, 1), Jurisdiction: "NO"),
        })
        {
            seen.Add(Described(await reader.PoliciesAsync(filter, null, 10, Ct)));
        }

        Assert.Equal(["0:", "1:se-magnet-grant", "1:se-magnet-grant", "0:", "1:se-magnet-grant", "0:"], seen);
    }

    private static string Described(Page<GraphNode> page) => $"{page.TotalCount}:{string.Join(',', page.Items.Select(n => n.Id))}";
}
