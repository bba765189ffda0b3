using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KnowledgeGraph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>/graphql/stream read with a plain HttpClient, event by event, as the graphql-sse protocol frames it.</summary>
public sealed class ServerSentEventsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string DealRecorded = """
        subscription ($after: Long) {
          dealRecorded(afterSequence: $after, filter: { kinds: ["supply"] }) { sequence deal { id } }
        }
        """;

    [Fact]
    public async Task AQuery_GivesOneNextWithItsResult_ThenComplete()
    {
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();
        await using var stream = await EventReader.OpenAsync(client, "{ __typename }");

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        var (kind, data) = await stream.NextAsync();
        Assert.Equal("next", kind);
        Assert.Equal("Query", JsonNode.Parse(data)!["data"]!["__typename"]!.GetValue<string>());
        Assert.NotNull(JsonNode.Parse(data)!["extensions"]!["cost"]);
        Assert.Equal(("complete", ""), await stream.NextAsync());
    }

    [Fact]
    public async Task AnOverCostOperation_IsAGraphQLError_InTheStream()
    {
        await using var server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string> { ["KG_GRAPHQL_MAX_COMPLEXITY"] = "10" });
        using var client = server.CreateHttpClient();
        await using var stream = await EventReader.OpenAsync(client, """{ a: organization(id: "a") { id name } b: organization(id: "b") { id name } c: organization(id: "c") { id name } d: organization(id: "d") { id name } e: organization(id: "e") { id name } }""");

        Assert.Equal(HttpStatusCode.OK, stream.Status);
        var (kind, data) = await stream.NextAsync();
        Assert.Equal("next", kind);
        Assert.Contains("too complex", JsonNode.Parse(data)!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(JsonNode.Parse(data)!["data"]);
        Assert.Equal(("complete", ""), await stream.NextAsync());
    }

    [Fact]
    public async Task SubscriptionsPastTheCap_AreRefusedWithAGraphQLError_UntilOneCloses()
    {
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString, new Dictionary<string, string> { ["KG_WS_MAX_SUBSCRIPTIONS"] = "1" });
        using var client = server.CreateHttpClient();
        const string Live = "subscription { eventRecorded { sequence } }";

        await using (var held = await EventReader.OpenAsync(client, Live))
        {
            await using var refused = await EventReader.OpenAsync(client, Live);
            var (kind, data) = await refused.NextAsync();
            Assert.Equal("next", kind);
            Assert.Equal("TOO_MANY_SUBSCRIPTIONS", JsonNode.Parse(data)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal(("complete", ""), await refused.NextAsync());
        }

        // The closed stream gives its place back once the server sees the disconnect.
        var attempt = 0;
        await Eventually.UntilAsync("the place of the closed stream given back", async () =>
        {
            await using var again = await EventReader.OpenAsync(client, "subscription { eventRecorded(afterSequence: 0) { sequence } }");
            await DealLines.RecordAsync(database, DealLines.SupplyAgreement($"sse-cap-{attempt++}"));
            return JsonNode.Parse((await again.NextAsync()).Data)!;
        }, data => data["data"]?["eventRecorded"] is not null);

        // Once every stream is closed, the address is forgotten: addresses seen once do not pile up.
        var caps = server.Services.GetRequiredService<KnowledgeGraph.Api.Subscriptions.ServerSentEvents.GraphQLSseEndpoint>().Caps;
        Assert.Equal(0, await Eventually.UntilAsync("no address holds a subscription", () => Task.FromResult(caps.Holders), holders => holders == 0));
    }

    [Fact]
    public async Task AHostileRequest_IsA400WithAGraphQLError_NeverA500()
    {
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();

        await using var deep = await EventReader.OpenAsync(client, "{" + string.Concat(Enumerable.Repeat("a{", 200)) + new string('}', 201));
        await using var notJson = await EventReader.OpenAsync(client, null, "{\"query\": \"{ __typename }\"");

        Assert.Equal(HttpStatusCode.BadRequest, deep.Status);
        Assert.Equal("QUERY_TOO_DEEP", JsonNode.Parse(await deep.BodyAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.NotNull(JsonNode.Parse(await notJson.BodyAsync())!["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task ResumingWithAfterSequence_GetsExactlyTheDealsMissedMeanwhile()
    {
        await DealLines.RecordAsync(database, DealLines.Firms());
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();

        long lastSeen;
        await using (var first = await EventReader.OpenAsync(client, DealRecorded, variables: new JsonObject { ["after"] = 0 }))
        {
            await DealLines.RecordAsync(database, DealLines.SupplyAgreement("sse-before"));
            var seen = await first.DealAsync("sse-before");
            lastSeen = seen["sequence"]!.GetValue<long>();
        }
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("sse-one"), DealLines.SupplyAgreement("sse-two"));

        await using var second = await EventReader.OpenAsync(client, DealRecorded, variables: new JsonObject { ["after"] = lastSeen });
        var resumed = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            resumed.Add((await second.DealAsync(null))["deal"]!["id"]!.GetValue<string>());
        }
        await DealLines.RecordAsync(database, DealLines.SupplyAgreement("sse-live"));
        var live = await second.DealAsync(null);

        Assert.Equal(["sse-one", "sse-two"], resumed);
        Assert.Equal("sse-live", live["deal"]!["id"]!.GetValue<string>());
    }

    /// <summary>One POST to /graphql/stream, read as Server-Sent Events (comment lines skipped).</summary>
    internal sealed class EventReader : IAsyncDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventReader(HttpResponseMessage response, Stream body)
        {
            _response = response;
            _reader = new StreamReader(body, Encoding.UTF8);
        }

        public HttpStatusCode Status => _response.StatusCode;

        public static async Task<EventReader> OpenAsync(HttpClient client, string? query, string? body = null, JsonObject? variables = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql/stream")
            {
                Content = new StringContent(body ?? new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            return new EventReader(response, await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        }

        public Task<string> BodyAsync() => _reader.ReadToEndAsync(TestContext.Current.CancellationToken);

        public async Task<(string Event, string Data)> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            string? kind = null;
            var data = "";
            while (await _reader.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0 && kind is not null)
                {
                    return (kind, data);
                }
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    kind = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data = line["data:".Length..].Trim();
                }
            }
            throw new InvalidOperationException("The stream ended before the next event");
        }

        /// <summary>The next dealRecorded payload (skipping deals other than <paramref name="id"/> when one is given).</summary>
        public async Task<JsonNode> DealAsync(string? id)
        {
            while (true)
            {
                var (kind, data) = await NextAsync();
                Assert.Equal("next", kind);
                var deal = JsonNode.Parse(data)!["data"]!["dealRecorded"]!;
                if (id is null || deal["deal"]!["id"]!.GetValue<string>() == id)
                {
                    return deal;
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            _reader.Dispose();
            _response.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
