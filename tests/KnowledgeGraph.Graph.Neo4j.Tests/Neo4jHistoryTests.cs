using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>
/// The history beside the live graph, without a server: what the batch sends for every version, and which graph the
/// reader answers a view from (the live one with the native statements, or the history), over real HTTP to the fake.
/// </summary>
public sealed class Neo4jHistoryTests : IAsyncLifetime
{
    private static readonly VersionedStreams Streams = new("", 100);

    private FakeQueryApi _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeQueryApi.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private Neo4jQueryClient Client() => new(Neo4jTestServer.HttpClients, _server.Settings(), Neo4jQueryClientTests.Fast);

    /// <summary>The server's answer to <see cref="Cypher.KnowledgeClock"/>.</summary>
    private static string Clock(long point, long projected, string? lastAttributeChange, string? recordedAt = null) =>
        """{"data":{"fields":["projected","point","recordedAt","lastAttributeChange"],"values":[["""
        + $"{projected},{point},{Json(recordedAt)},{Json(lastAttributeChange)}" + "]]}}";

    private static string Json(string? text) => text is null ? "null" : $"\"{text}\"";

    private const string Acme = """{"label":"Organization","id":"acme","name":"Acme Oxides","validFrom":"2020-01-01","eventIds":["reg-acme"],"stream":"org:acme","country":"US","kind":"company","stages":["magnet"],"aliases":[],"consumes":[]}""";

    private static string Rows(params string[] props) =>
        """{"data":{"fields":["props"],"values":[""" + string.Join(",", props.Select(p => $"[{p}]")) + "]}}";

    private List<(string Statement, JsonNode Parameters)> Sent() => _server.Requests
        .Select(r => JsonNode.Parse(r.Body)!)
        .Select(b => (b["statement"]!.GetValue<string>(), b["parameters"] ?? new JsonObject()))
        .ToList();

    [Fact]
    public void Batch_CarriesEveryVersionWithBothClocks_AndTheLiveGraphOnlyWhatIsBelievedNow_WithTheLastAttributeChange()
    {
        // When the three streams are one batch
        var (statement, parameters) = Neo4jBatch.For([Streams.BetaStream(), Streams.AcmeStream(), Streams.DealStream()]);

        // Then the history holds Beta's one version and Acme's three, with their intervals in both clocks
        string Field(JsonNode? row, string key) => row!["props"]![key]?.ToJsonString() ?? "-";
        var nodes = parameters["nodeVersions"]!.AsArray()
            .Select(v => $"{Field(v, "id")} {Field(v, "name")} {Field(v, "attributesFrom")} {Field(v, "attributesTo")} {Field(v, "recordedFrom")} {Field(v, "recordedTo")}");
        Assert.Equal(
        [
            "\"beta\" \"Beta Motors\" - - 100 -",
            "\"acme\" \"Acme Oxides\" - - 101 103",
            "\"acme\" \"Acme Oxides\" - \"2024-04-01\" 103 -",
            "\"acme\" \"Acme Rare Earths\" \"2024-04-01\" - 103 -",
        ], nodes);
        Assert.Equal(4, parameters["nodeVersions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()).Distinct().Count());

        // And every relationship version, the retracted agreement with the point it stopped being believed at, and its ends
        var edges = parameters["edgeVersions"]!.AsArray()
            .Select(v => $"{Field(v, "type")} {Field(v, "fromId")} {Field(v, "toId")} {Field(v, "validFrom")} {Field(v, "recordedFrom")} {Field(v, "recordedTo")}");
        Assert.Equal(["\"BASED_IN\" \"acme\" \"US\" \"2020-01-01\" 101 -", "\"SUPPLIES\" \"acme\" \"beta\" \"2024-01-01\" 102 104"], edges);

        // And the live graph only what is believed now: Acme with its latest name, no agreement
        Assert.Equal(["Acme Rare Earths"], parameters["nodes"]![Labels.Organization]!.AsArray()
            .Where(n => n!["id"]!.GetValue<string>() == "acme").Select(n => n!["props"]!["name"]!.GetValue<string>()));
        Assert.Null(parameters["relationships"]![Relationships.Supplies]);
        Assert.NotNull(parameters["relationships"]![Relationships.BasedIn]);

        // And the claims say from when Acme's believed attributes hold; Beta's and the deal's hold since ever
        Assert.Equal("""[{"stream":"org:beta","seq":100},{"stream":"org:acme","seq":103,"lastAttributeChange":"2024-04-01"},{"stream":"deal:deal-acme-beta","seq":104}]""",
            parameters["streams"]!.ToJsonString());

        // And the events keep when they were recorded and the point of their retraction
        var signed = parameters["events"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == "sup")!["props"]!;
        Assert.Equal(("retract-sup", 104, "2031-03-01T10:02:00.000000Z"),
            (signed["retractedBy"]!.GetValue<string>(), signed["retractedSeq"]!.GetValue<long>(), signed["recordedAt"]!.GetValue<string>()));
        Assert.Contains(Cypher.BatchUpsertEdgeVersions, statement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, 9, null, null, true)] // the latest point, the latest attributes
    [InlineData(9, 9, "2024-04-01", "2024-04-01", true)] // the date of the last change: its attributes hold from it
    [InlineData(9, 9, "2024-03-31", "2024-04-01", false)] // the day before: some node had other attributes
    [InlineData(9, 9, "2015-01-01", null, true)] // no node's attributes ever changed
    [InlineData(8, 9, null, null, false)] // an earlier point
    [InlineData(12, 9, "2030-01-01", "2024-04-01", true)] // a point past the projection holds what is believed now
    public void Clock_AnswersLive_OnlyAtTheLatestPoint_AndAtOrAfterTheLastAttributeChange(long point, long projected, string? asOf, string? lastChange, bool live)
    {
        var clock = new Neo4jClock(point, null, projected, lastChange is null ? null : DateOnly.Parse(lastChange, System.Globalization.CultureInfo.InvariantCulture));
        var view = new Neo4jView(new Knowledge(point), asOf is null ? null : DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(live, clock.AnswersLive(view));
    }

    [Fact]
    public async Task AnEarlierPoint_ReadsTheClockOnce_ThenAnswersReadsAndQuestionsFromTheHistoryAtTheResolvedPoint()
    {
        // Given a graph projected to 9 and a request at the point 5
        _server.ThenJson(202, Clock(5, 9, "2024-04-01")).ThenJson(202, Rows(Acme)).ThenJson(202, Rows(Acme));
        using var client = Client();
        var reader = new Neo4jGraphReader(client).KnownAt(new Knowledge(5));
        var ct = TestContext.Current.CancellationToken;

        // When a read and a question are asked
        var nodes = await reader.NodesAsync(Labels.Organization, ["acme"], ct);
        var node = await reader.NodeAsync("acme", ct);

        // Then the clock is read once, and both are read from the versions believed at 5, with the latest attributes
        var sent = Sent();
        Assert.Equal([Cypher.KnowledgeClock, Cypher.VersionNodesById, Cypher.VersionNodesById], sent.Select(s => s.Statement));
        Assert.Equal((5L, "null"), (sent[0].Parameters["seq"]!.GetValue<long>(), sent[0].Parameters["at"]?.ToJsonString() ?? "null"));
        Assert.Equal((5L, null, "acme"), (sent[1].Parameters["known"]!.GetValue<long>(), sent[1].Parameters["attributesAsOf"]?.GetValue<string>(),
            sent[1].Parameters["ids"]![0]!.GetValue<string>()));
        Assert.Equal("Acme Oxides", ((Organization)Assert.Single(nodes)).Name);
        Assert.Equal("Acme Oxides", Assert.IsType<Organization>(node).Name);
    }

    [Fact]
    public async Task APastDateBeforeTheLastAttributeChange_IsReadFromTheHistory_AtTheLatestKnowledge()
    {
        // Given a graph whose last attribute change is 2024-04-01
        _server.ThenJson(202, Clock(9, 9, "2024-04-01")).ThenJson(202, Rows(Acme));
        using var client = Client();

        // When Acme is read as it was in 2023
        var acme = await new Neo4jGraphReader(client).AttributesAsOf(new DateOnly(2023, 6, 1))
            .NodesAsync(Labels.Organization, ["acme"], TestContext.Current.CancellationToken);

        // Then from the versions, with no knowledge point (every stored event) and the date of the attributes
        var sent = Sent();
        Assert.Equal([Cypher.KnowledgeClock, Cypher.VersionNodesById], sent.Select(s => s.Statement));
        Assert.Equal(("null", "2023-06-01"), (sent[1].Parameters["known"]?.ToJsonString() ?? "null", sent[1].Parameters["attributesAsOf"]!.GetValue<string>()));
        Assert.Equal("Acme Oxides", ((Organization)Assert.Single(acme)).Name);
    }

    [Fact]
    public async Task TheLatestPointAndADateAfterTheLastAttributeChange_AreAnsweredByTheLiveGraph_WithTheNativeStatement()
    {
        // Given
        _server.ThenJson(202, Clock(9, 9, "2024-04-01")).ThenJson(202, """{"data":{"fields":["node"],"values":[]}}""");
        using var client = Client();

        // When a pinned request asks at today's date
        var node = await new Neo4jGraphReader(client).Pinned(9).AttributesAsOf(new DateOnly(2026, 1, 1)).NodeAsync("acme", TestContext.Current.CancellationToken);

        // Then
        Assert.Null(node);
        Assert.Equal([Cypher.KnowledgeClock, Cypher.NodeById], Sent().Select(s => s.Statement));
    }

    [Fact]
    public void TheDefaultView_IsTheLiveReaderItself_WithNoClockToRead()
    {
        using var client = Client();
        var live = new Neo4jGraphReader(client);

        Assert.Same(live, live.KnownAt(Knowledge.All));
        Assert.Same(live, live.KnownAt(new Knowledge(3)).KnownAt(Knowledge.All));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task KnownAtAnInstant_IsSentAsUtcToTheMicrosecond_AndResolvesToThePointWithTheInstantItsEventWasRecorded()
    {
        // Given the server's answer: the last event recorded by then is 103
        _server.ThenJson(202, Clock(103, 104, null, "2031-03-01T10:03:00.000000Z"));
        using var client = Client();
        var at = new DateTimeOffset(2031, 3, 1, 12, 3, 30, 123, TimeSpan.FromHours(2)).AddTicks(4567);

        // When
        var point = await new Neo4jGraphReader(client).KnowledgeAsync(new Knowledge(At: at), TestContext.Current.CancellationToken);

        // Then
        var sent = Assert.Single(Sent());
        Assert.Equal(("2031-03-01T10:03:30.123456Z", "null"), (sent.Parameters["at"]!.GetValue<string>(), sent.Parameters["seq"]?.ToJsonString() ?? "null"));
        Assert.Equal(new KnowledgePoint(103, new DateTimeOffset(2031, 3, 1, 10, 3, 0, TimeSpan.Zero)), point);
    }

    [Fact]
    public async Task EventsAtAnEarlierPoint_KeepARetractionOnlyWhenItWasRecordedByThen()
    {
        // Given two events of the point 5's store: one retracted at 7, after it; one retracted at 4
        _server.ThenJson(202, Clock(5, 9, null)).ThenJson(202, Rows(
            """{"id":"sup","seq":2,"type":"SupplyAgreementSigned","effectiveDate":"2024-01-01","stream":"deal:x","title":"t","publisher":"p","retractedBy":"r7","retractedSeq":7}""",
            """{"id":"inv","seq":3,"type":"InvestmentAnnounced","effectiveDate":"2024-02-01","stream":"deal:y","title":"t","publisher":"p","retractedBy":"r4","retractedSeq":4}"""));
        using var client = Client();

        // When
        var events = await new Neo4jGraphReader(client).KnownAt(new Knowledge(5)).EventsAsync(["sup", "inv"], TestContext.Current.CancellationToken);

        // Then
        Assert.Equal([("sup", null), ("inv", "r4")], events.Select(e => (e.EventId, e.RetractedBy)));
        Assert.Equal(5L, Sent()[1].Parameters["known"]!.GetValue<long>());
        Assert.Equal(Cypher.VersionEventsById, Sent()[1].Statement);
    }

    [Fact]
    public void TheViewReader_AnswersEveryMethodOfThePortItself_SoTheLiveGraphKeepsItsNativeStatements()
    {
        var map = typeof(Neo4jViewReader).GetInterfaceMap(typeof(IGraphReader));

        Assert.All(map.TargetMethods, method => Assert.Equal(typeof(Neo4jViewReader), method.DeclaringType));
    }
}
