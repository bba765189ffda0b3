using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>
/// dealRecorded filtered by bloc (a party's country a member at the time) and by product (a code, or a category that
/// takes in its codes): each subscriber gets the deals that match, in order, and none of the others.
/// </summary>
public sealed class DealFilterSubscriptionTests
{
    private const string Deals = """
        subscription ($after: Long, $filter: DealFilter) { dealRecorded(afterSequence: $after, filter: $filter) { sequence deal { id } } }
        """;

    [Fact]
    public async Task FilteredByBloc_OrByProductCategory_EachSubscriberGetsExactlyTheMatchingDeals()
    {
        await using var database = await TestDatabase.CreateAsync();
        // DE is in NATO; AU and JP are not.
        await DealLines.RecordAsync(database, [.. DealLines.Firms(), DealLines.Firm("test-maker", "JP"), DealLines.BlocJoined("DE", "NATO")]);
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var http = server.CreateHttpClient();
        var after = (await HealthPolling.UntilProjectedAsync(http, TestContext.Current.CancellationToken)).GetProperty("lastStoredSequence").GetInt64();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(server.WebSocketAddress);
        await client.SubscribeAsync("nato", Deals, new() { ["after"] = after, ["filter"] = new JsonObject { ["blocs"] = new JsonArray("NATO") } });
        await client.SubscribeAsync("magnet", Deals, new() { ["after"] = after, ["filter"] = new JsonObject { ["products"] = new JsonArray("magnet") } });

        await DealLines.RecordAsync(database,
            DealLines.SupplyAgreement("oxide-au-de", "test-supplier", "test-buyer", "ndpr-oxide"),
            DealLines.SupplyAgreement("magnet-au-jp", "test-supplier", "test-maker", "ndfeb-magnet"),
            DealLines.SupplyAgreement("oxide-au-jp", "test-supplier", "test-maker", "ndpr-oxide"),
            DealLines.SupplyAgreement("magnet-jp-de", "test-maker", "test-buyer", "smco-magnet"),
            DealLines.SupplyAgreement("last-au-de", "test-supplier", "test-buyer", "ndfeb-magnet"));
        var seen = new Dictionary<string, List<string>> { ["nato"] = [], ["magnet"] = [] };
        // The last deal matches both: once it has reached both, every deal before it has been decided.
        while (seen.Values.Any(deals => deals.LastOrDefault() != "last-au-de"))
        {
            var next = await client.NextAsync(Eventually.Deadline);
            seen[next["id"]!.GetValue<string>()].Add(next["payload"]!["data"]!["dealRecorded"]!["deal"]!["id"]!.GetValue<string>());
        }

        Assert.Equal(["oxide-au-de", "magnet-jp-de", "last-au-de"], seen["nato"]);
        Assert.Equal(["magnet-au-jp", "magnet-jp-de", "last-au-de"], seen["magnet"]);
    }
}
