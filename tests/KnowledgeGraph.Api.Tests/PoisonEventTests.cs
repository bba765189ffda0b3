using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Api.Tests;

/// <summary>An event the graph store refuses (it slipped past validation through a raw append) cannot stop the graph.</summary>
public class PoisonEventTests
{
    [Fact]
    public async Task AnEventTheGraphStoreRefuses_IsAProjectionError_TheEventsAfterItAreProjected_AndRebuildCompletes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var store = database.CreateStore();
        var importer = new Importer(store, database.ConnectionString);
        await importer.ImportAsync([new InputLine("first.jsonl", 1, Line("first-firm", "First Firm"))], ct: ct);
        long poisonSequence;
        await using (var session = store.LightweightSession())
        {
            // PostgreSQL text cannot hold U+0000: the graph store refuses this provenance, whatever the retries.
            var poison = session.Events.BuildEvent(new OrganizationUpdated("first-firm", Name: "Renamed"));
            var envelope = new EventEnvelope("raw-poison", new DateOnly(2025, 2, 1), new Source("nul\0title", "Raw append"), (CatalogEvent)poison.Data);
            EnvelopeHeaders.Write(poison, envelope, EventJson.Fingerprint(envelope));
            session.Events.Append(StreamId.Organization("first-firm").ToString(), poison);
            await session.SaveChangesAsync(ct);
            poisonSequence = poison.Sequence;
        }
        await importer.ImportAsync([new InputLine("late.jsonl", 1, Line("late-firm", "Late Firm"))], ct: ct);

        await using (var server = new ApiServer<Program>(database.ConnectionString))
        {
            using var client = server.CreateHttpClient();
            var health = await HealthPolling.UntilProjectedAsync(client, ct);

            Assert.Equal("degraded", health.GetProperty("status").GetString());
            var error = Assert.Single(health.GetProperty("projectionErrors").GetProperty("recent").EnumerateArray());
            Assert.Equal(poisonSequence, error.GetProperty("sequence").GetInt64());
            Assert.Equal("raw-poison", error.GetProperty("eventId").GetString());
            Assert.Contains("the graph store refused OrganizationUpdated", error.GetProperty("reason").GetString());
            await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
            var reader = new PostgresGraphReader(dataSource);
            Assert.Single(await reader.NodesAsync(Labels.Organization, ["late-firm"], ct));
            Assert.Equal("First Firm", (await reader.NodesAsync(Labels.Organization, ["first-firm"], ct))[0].Caption);
        }

        var rebuild = await KgProcess.RunAsync(database.ConnectionString, "rebuild");

        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains("3 events projected", rebuild.Output);
        Assert.Contains("1 projection errors", rebuild.Output);
        Assert.Contains($"projection error at sequence {poisonSequence} (event raw-poison): the graph store refused", rebuild.Errors);
    }

    private static string Line(string id, string name) =>
        $$$"""{"id":"{{{id}}}","type":"OrganizationRegistered","effectiveDate":"2025-01-01","source":{"title":"t","publisher":"p"},"data":{"orgId":"{{{id}}}","name":"{{{name}}}","country":"US","kind":"company"}}""";
}
