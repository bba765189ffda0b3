using System.Text.Json;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// The explorer's server over a generated graph (<c>kg generate --orgs 500 --seed 7</c>: about 500 organizations, 470
/// facilities and 5,000 events) instead of graph-seed/.
/// </summary>
public sealed class GeneratedExplorerServer : ExplorerServer
{
    /// <summary>The generated organizations' ids, in the file's order.</summary>
    public IReadOnlyList<string> OrganizationIds { get; private set; } = [];

    // One browser drawing every organization's neighbourhood asks about 530 questions of ~900 cost units each within a
    // minute: beyond the default budget and rate limit of one client, which a deployment serving such views raises.
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["KG_COST_BUDGET_PER_MINUTE"] = "10000000",
        ["KG_RATE_LIMIT_PER_MINUTE"] = "100000",
    };

    protected override async Task<IEnumerable<InputLine>> LinesAsync(string connectionString)
    {
        var generated = await KgProcess.RunAsync(connectionString, "generate", "--orgs", "500", "--seed", "7");
        Assert.True(generated.ExitCode == 0, generated.Errors);
        var lines = generated.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        OrganizationIds = [.. lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "OrganizationRegistered")
            .Select(e => e.GetProperty("data").GetProperty("orgId").GetString()!)];
        return lines.Select((l, i) => new InputLine("generated", i + 1, l));
    }
}
