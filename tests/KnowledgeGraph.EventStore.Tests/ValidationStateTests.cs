using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.EventStore.Tests;

/// <summary>The validation state is kept with the events: a new import, in a new process, validates against it.</summary>
public class ValidationStateTests
{
    private static InputLine Line(int number, string json) => new("test.jsonl", number, json);

    private static string Org(string id) =>
        $$$"""{"id":"{{{id}}}","type":"OrganizationRegistered","effectiveDate":"2020-01-01","source":{"title":"t","publisher":"p"},"data":{"orgId":"{{{id}}}","name":"{{{id}}}","country":"US","kind":"company"}}""";

    private static string Supply(string id, string supplier, string buyer) =>
        $$$"""{"id":"{{{id}}}","type":"SupplyAgreementSigned","effectiveDate":"2021-01-01","source":{"title":"t","publisher":"p"},"data":{"dealId":"{{{id}}}","supplierId":"{{{supplier}}}","buyerId":"{{{buyer}}}","product":"ndfeb-magnet","status":"signed"}}""";

    private static string Retract(string id, string eventId) =>
        $$$"""{"id":"{{{id}}}","type":"EventRetracted","effectiveDate":"2022-01-01","source":{"title":"t","publisher":"p"},"data":{"eventId":"{{{eventId}}}","reason":"wrong"}}""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALaterImport_SeesEntitiesDealsAndRetractionsOfEarlierOnes(bool forgetState)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using (var store = database.CreateStore())
        {
            var first = await new Importer(store, database.ConnectionString)
                .ImportAsync([Line(1, Org("maker")), Line(2, Org("buyer")), Line(3, Org("gone")), Line(4, Supply("deal-1", "maker", "buyer"))], ct: ct);
            Assert.Equal(4, first.Stored);
        }
        if (forgetState)
        {
            // A store written before the state was kept: the next import fills it from the events once.
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP TABLE {EventStoreSetup.Schema}.kg_validation", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }

        await using (var store = database.CreateStore())
        {
            var importer = new Importer(store, database.ConnectionString);
            var second = await importer.ImportAsync(
            [
                Line(1, Org("maker")),
                Line(2, Supply("deal-1", "maker", "gone")),
                Line(3, Supply("deal-2", "maker", "buyer")),
                Line(4, Retract("r-1", "gone")),
                Line(5, Supply("deal-3", "maker", "gone")),
                Line(6, Supply("deal-2", "maker", "buyer")),
            ], ct: ct);
            var third = await importer.ImportAsync([Line(1, Retract("r-2", "gone"))], ct: ct);

            Assert.Equal((2, 2), (second.Stored, second.Unchanged));
            Assert.Equal([2, 5], second.Rejections.Select(r => r.Line));
            Assert.Contains("conflicting duplicate", second.Rejections[0].ToString());
            Assert.Contains("unknown organization 'gone'", second.Rejections[1].ToString());
            Assert.Contains("already retracted", Assert.Single(third.Rejections).ToString());
        }
    }
}
