using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Graph.Neo4j.Tests;

/// <summary>
/// What the reader sends for a question and how it reads the answer, over real HTTP to the Query API fake: one request
/// per question, every value a parameter, rows in the Query API's plain-JSON format mapped back into the model.
/// </summary>
public sealed class Neo4jQuestionTests : IAsyncLifetime
{
    private static readonly DateOnly Mid2025 = new(2025, 6, 1);

    private const string Jl = """{"id":"jl-mag","name":"JL Mag","validFrom":"2020-01-01","eventIds":["reg-jl"],"stream":"org:jl-mag"}""";
    private const string Gm = """{"id":"gm","name":"General Motors","validFrom":"2020-01-01","eventIds":["reg-gm"],"stream":"org:gm"}""";
    private const string Agreement = """
        {"type":"SUPPLIES","fromLabel":"Organization","fromId":"jl-mag","toLabel":"Organization","toId":"gm",
         "props":{"key":"sup-jl-gm","validFrom":"2024-01-01","eventIds":["sup-jl-gm"],"stream":"deal:sup-jl-gm","status":"signed","product":"ndfeb-magnet"}}
        """;

    private FakeQueryApi _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeQueryApi.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static Neo4jGraphReader Reader(Neo4jQueryClient client) => new(client);

    private Neo4jQueryClient Client() => new(Neo4jTestServer.HttpClients, _server.Settings(), Neo4jQueryClientTests.Fast);

    [Fact]
    public async Task FirmsLackingSupplier_IsOneRequest_AndReadsEachSupplierWithWhyItIsExcluded()
    {
        // Given the server's answer: gm needs the magnet and its only supplier in force is based in an excluded country
        _server.ThenJson(202, $$"""
            {"data":{"fields":["firm","consumes","bought","suppliers"],
                     "values":[[{{Gm}}, ["ndfeb-magnet"], [], [{"agreement":{{Agreement}},"supplier":{{Jl}},"country":"CN","exclCountry":"CN","exclOwner":null}]]]},
             "bookmarks":["FB:kcwQ"]}
            """);
        using var client = Client();
        var question = new LackQuestion(new HashSet<string> { "ndfeb-magnet" }, new HashSet<string> { "ndfeb-magnet", "magnet" }, "NATO", [],
            new HashSet<string> { "CN" }, Mid2025, ConsiderOwnership: true);

        // When
        var lacking = await Reader(client).FirmsLackingSupplierAsync(question, TestContext.Current.CancellationToken);

        // Then one statement carried every argument as a parameter
        var request = JsonNode.Parse(Assert.Single(_server.Requests).Body)!;
        Assert.Equal(Cypher.FirmsLackingSupplier, request["statement"]!.GetValue<string>());
        Assert.Equal(("NATO", "2025-06-01", true), (request["parameters"]!["bloc"]!.GetValue<string>(),
            request["parameters"]!["asOf"]!.GetValue<string>(), request["parameters"]!["ownership"]!.GetValue<bool>()));

        // And the answer reads back as the model
        var gm = Assert.Single(lacking);
        Assert.Equal(("gm", "General Motors"), (gm.Firm.Id, ((Organization)gm.Firm).Name));
        Assert.Equal(["ndfeb-magnet"], gm.Consumes);
        var supplier = Assert.Single(gm.Suppliers);
        Assert.Equal(("jl-mag", "CN", "based in CN"), (supplier.Supplier.Id, supplier.Country, supplier.ExcludedBecause));
        var agreement = Assert.IsType<Supplies>(supplier.Agreement);
        Assert.Equal(("gm", "sup-jl-gm", new DateOnly(2024, 1, 1), "ndfeb-magnet", DealStatus.Signed),
            (agreement.ToId, agreement.Key, agreement.ValidFrom, agreement.Product, agreement.Status));
    }

    [Fact]
    public void TheReader_AnswersEveryMethodOfThePortWithItsOwnStatement_NotWithTheComposedDefaults()
    {
        // Given the port's methods and the ones the Neo4j reader implements
        var map = typeof(Neo4jGraphReader).GetInterfaceMap(typeof(IGraphReader));

        // Then each method of the port is the reader's own (a default implementation would be the interface's)
        Assert.All(map.TargetMethods, method => Assert.Equal(typeof(Neo4jGraphReader), method.DeclaringType));
        Assert.Equal(typeof(IGraphReader).GetMethods().Length, map.TargetMethods.Length);
    }

    [Fact]
    public async Task StageCapacity_SumsTheStatedCapacitiesAsDecimals()
    {
        // Given capacities as the adapter stores decimals (their exact text) and as plain numbers
        _server.ThenJson(202, """
            {"data":{"fields":["country","capacities","operating"],"values":[["CN",["0.1","0.2"],3],["DE",[2000],1]]}}
            """);
        using var client = Client();

        // When
        var capacity = await Reader(client).StageCapacityAsync(Stage.Magnet, Mid2025, TestContext.Current.CancellationToken);

        // Then the sums are exact, and the facilities without a stated capacity are counted apart
        Assert.Equal([new CountryCapacity("CN", 0.3m, 2, 1), new CountryCapacity("DE", 2000m, 1, 0)], capacity);
    }

    [Fact]
    public async Task ShortestPath_WithNoPath_KeepsTheEnds_AndWithAnUnknownId_SaysWhichEndIsMissing()
    {
        // Given a path search that found both ends and no path, then one that found no start
        _server.ThenJson(202, $$$"""
            {"data":{"fields":["fromNode","toNode","nodes","edges"],
                     "values":[[{"label":"Organization","props":{{{Gm}}} },{"label":"Organization","props":{{{Jl}}} },null,null]]}}
            """)
            .ThenJson(202, $$$"""{"data":{"fields":["fromNode","toNode","nodes","edges"],"values":[[null,{"label":"Organization","props":{{{Jl}}} },null,null]]}}""");
        using var client = Client();
        var reader = Reader(client);

        // When
        var none = await reader.ShortestPathAsync("gm", "jl-mag", [Relationships.Supplies], 4, Mid2025, TestContext.Current.CancellationToken);
        var unknown = await reader.ShortestPathAsync("nobody", "jl-mag", [Relationships.Supplies], 4, Mid2025, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(("gm", "jl-mag"), (none.From!.Id, none.To!.Id));
        Assert.Null(none.Nodes);
        Assert.Null(none.Edges);
        Assert.Null(unknown.From);
        Assert.Equal(4, JsonNode.Parse(_server.Requests[0].Body)!["parameters"]!["maxHops"]!.GetValue<int>());
    }
}
