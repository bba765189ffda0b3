using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.EventStore;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Postgres;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Api.Tests;

/// <summary>Events that slipped past validation (raw appends) are recorded as projection errors; the rest goes on.</summary>
public class ProjectionErrorTests
{
    [Fact]
    public async Task BadRawEvents_AreProjectionErrorsInHealth_AndLaterEventsAreStillProjected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var store = database.CreateStore();
        var importer = new Importer(store, database.ConnectionString);
        await importer.ImportAsync(JsonLinesSource.Read([GraphFixture.ScenarioFile("supply-chain.jsonl")]), ct: ct);
        await using (var session = store.LightweightSession())
        {
            var ghost = session.Events.BuildEvent(new SupplyAgreementSigned("ghost-supply", "ghost-org", "gm", "ndfeb-magnet", "signed"));
            var envelope = new EventEnvelope("raw-ghost", new DateOnly(2025, 1, 1), new Source("Raw append", "Test"), (CatalogEvent)ghost.Data);
            EnvelopeHeaders.Write(ghost, envelope, EventJson.Fingerprint(envelope));
            session.Events.Append(StreamId.Deal("ghost-supply").ToString(), ghost);
            session.Events.Append(StreamId.Organization("gm").ToString(), new OrganizationUpdated("gm", Name: "No envelope"));
            await session.SaveChangesAsync(ct);
        }
        var late = """{"id":"late-firm","type":"OrganizationRegistered","effectiveDate":"2025-02-01","source":{"title":"t","publisher":"p"},"data":{"orgId":"late-firm","name":"Late Firm","country":"US","kind":"company"}}""";
        await importer.ImportAsync([new InputLine("late.jsonl", 1, late)], ct: ct);

        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();
        var health = await HealthPolling.UntilProjectedAsync(client, ct);

        var errors = health.GetProperty("projectionErrors");
        // The ghost supplier is named by two relationships (SUPPLIES and PARTY_TO): two errors; the event without envelope: one.
        Assert.Equal(3, errors.GetProperty("count").GetInt32());
        var reasons = errors.GetProperty("recent").EnumerateArray().Select(e => e.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("Organization 'ghost-org'", StringComparison.Ordinal) && r.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("unreadable OrganizationUpdated", StringComparison.Ordinal));
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var reader = new PostgresGraphReader(dataSource);
        Assert.Single(await reader.NodesAsync(Labels.Organization, ["late-firm"], ct));
        Assert.Equal("Gm", (await reader.NodesAsync(Labels.Organization, ["gm"], ct))[0].Caption);
    }
}
