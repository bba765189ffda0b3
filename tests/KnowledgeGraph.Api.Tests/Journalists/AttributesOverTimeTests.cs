using System.Text.Json;
using KnowledgeGraph.Api.Tests.GraphQLHttp;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.Journalists;

/// <summary>A node's attributes through GraphQL: as they were at asOf, as recorded at the knowledge point asked for.</summary>
public class AttributesOverTimeTests
{
    [Fact]
    public async Task AFacilityChangedIn2024_ShowsItsAttributesAtAsOf_AsRecordedAtEachKnowledgePoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (server, client, first) = await RecordInTwoStepsAsync(database, "attributes-1-registered.jsonl", "attributes-2-changed.jsonl", ct);
        await using var _ = server;
        using var __ = client;

        static string Plant(string alias, string asOf, string knowledge = "") =>
            $$"""{{alias}}: facility(id: "lulea-plant", asOf: "{{asOf}}"{{knowledge}}) { status capacityTonnesPerYear operator { name } }""";
        var answer = await client.PostGraphQLAsync(new
        {
            query = $"{{ {Plant("then2023", "2023-06-01", $", knownAtSequence: {first}")} {Plant("then2025", "2025-06-01", $", knownAtSequence: {first}")} "
                + $"{Plant("now2023", "2023-06-01")} {Plant("now2025", "2025-06-01")} }}",
        });

        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        var data = answer.Body.GetProperty("data");
        string At(string alias) => JsonSerializer.Serialize(data.GetProperty(alias));
        const string Building = """{"status":"UNDER_CONSTRUCTION","capacityTonnesPerYear":null,"operator":{"name":"Nordic Oxides"}}""";
        Assert.Equal([Building, Building, Building], new[] { At("then2023"), At("then2025"), At("now2023") });
        Assert.Equal("""{"status":"OPERATING","capacityTonnesPerYear":2000,"operator":{"name":"Nordic Rare Earths"}}""", At("now2025"));
    }

    [Fact]
    public async Task APolicyAndADeal_ShowTheirTitleAndStatusAtAsOf_InTheirOwnFieldsAndInTheLists_ListedOnlyOnceRegistered_AsRecordedAtEachKnowledgePoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var (server, client, first) = await RecordInTwoStepsAsync(database, "versions-1-recorded.jsonl", "versions-2-changed.jsonl", ct);
        await using var _ = server;
        using var __ = client;

        // The grant and the agreement by id, the revoked policies, the supply deals and all policies, at one asOf and knowledge point.
        static string At(string alias, string asOf, string knowledge = "")
        {
            var at = $"""asOf: "{asOf}"{knowledge}""";
            return $$"""
                {{alias}}_policy: policy(id: "se-magnet-grant", {{at}}) { title status revokedOn }
                {{alias}}_deal: deal(id: "fjord-baltic-oxide", {{at}}) { status endedOn }
                {{alias}}_revoked: policies(status: REVOKED, {{at}}) { totalCount }
                {{alias}}_deals: deals(kind: SUPPLY, {{at}}) { totalCount nodes { status } }
                {{alias}}_policies: policies({{at}}) { totalCount nodes { title } }
                """;
        }
        var steps = new (string Alias, string AsOf, string Knowledge)[]
        {
            ("then2023", "2023-06-01", $", knownAtSequence: {first}"), ("then2025", "2025-09-01", $", knownAtSequence: {first}"),
            ("now2015", "2015-01-01", ""), ("now2021", "2021-06-01", ""), ("now2022", "2022-06-01", ""), ("now2023", "2023-06-01", ""),
            ("now2024", "2024-09-01", ""), ("now2025", "2025-09-01", ""),
        };
        var answer = await client.PostGraphQLAsync(new { query = $"{{ {string.Concat(steps.Select(s => At(s.Alias, s.AsOf, s.Knowledge)))} }}" });

        Assert.False(answer.Body.TryGetProperty("errors", out var errors), errors.ToString());
        var data = answer.Body.GetProperty("data");
        string Described(string alias)
        {
            var (policy, deal) = (data.GetProperty($"{alias}_policy"), data.GetProperty($"{alias}_deal"));
            string Listed(string list, string field)
            {
                var connection = data.GetProperty($"{alias}_{list}");
                return $"{connection.GetProperty("totalCount")} [{string.Join(',', connection.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty(field).GetString()))}]";
            }
            return $"{policy.GetProperty("title")} {policy.GetProperty("status")} {policy.GetProperty("revokedOn")} | {deal.GetProperty("status")} {deal.GetProperty("endedOn")}"
                + $" | revoked: {data.GetProperty($"{alias}_revoked").GetProperty("totalCount")} | deals: {Listed("deals", "status")} | policies: {Listed("policies", "title")}";
        }
        Assert.Equal(
        [
            // At the first knowledge point the amendment of 2023 holds, and nothing of the second point is known.
            "Magnet and alloy grant IN_FORCE  | SIGNED  | revoked: 0 | deals: 1 [SIGNED] | policies: 1 [Magnet and alloy grant]",
            "Magnet and alloy grant IN_FORCE  | SIGNED  | revoked: 0 | deals: 1 [SIGNED] | policies: 1 [Magnet and alloy grant]",
            // Now: as enacted before the amendment of 2024 (the one of 2023 retracted), ended from 2024-07-01, revoked from 2025-06-01.
            // Read by id before they were registered, they show as registered; the lists leave them out until the grant
            // is enacted (2021-01-01) and the agreement signed (2022-03-01).
            "Magnet grant IN_FORCE  | SIGNED  | revoked: 0 | deals: 0 [] | policies: 0 []",
            "Magnet grant IN_FORCE  | SIGNED  | revoked: 0 | deals: 0 [] | policies: 1 [Magnet grant]",
            "Magnet grant IN_FORCE  | SIGNED  | revoked: 0 | deals: 1 [SIGNED] | policies: 1 [Magnet grant]",
            "Magnet grant IN_FORCE  | SIGNED  | revoked: 0 | deals: 1 [SIGNED] | policies: 1 [Magnet grant]",
            "Magnet grant 2024 IN_FORCE  | ENDED 2024-07-01 | revoked: 0 | deals: 1 [ENDED] | policies: 1 [Magnet grant 2024]",
            "Magnet grant 2024 REVOKED 2025-06-01 | ENDED 2024-07-01 | revoked: 1 | deals: 1 [ENDED] | policies: 1 [Magnet grant 2024]",
        ], steps.Select(s => Described(s.Alias)));
    }

    /// <summary>
    /// A server over the first file, then the second recorded once it has projected the first: the server, a client of
    /// it once both are projected, and the knowledge point after the first, as extensions.knowledge reported it.
    /// </summary>
    private static async Task<(ApiServer<Program> Server, HttpClient Client, long First)> RecordInTwoStepsAsync(
        TestDatabase database, string firstFile, string secondFile, CancellationToken ct)
    {
        await KnowledgeServer.ImportAsync(database, firstFile);
        var server = new ApiServer<Program>(database.ConnectionString);
        var client = server.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, ct);
        var first = (await client.PostGraphQLAsync(new { query = "{ countries { code } }" })).Body
            .GetProperty("extensions").GetProperty("knowledge").GetProperty("sequence").GetInt64();
        await KnowledgeServer.ImportAsync(database, secondFile);
        await HealthPolling.UntilProjectedAsync(client, ct);
        return (server, client, first);
    }
}
