using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;
using Marten;

namespace KnowledgeGraph.EventStore.Tests;

/// <summary>The importer appends a batch with its own statements: Marten must read the rows back as its own.</summary>
public class BatchAppendTests
{
    private static InputLine Line(int number, string json) => new("test.jsonl", number, json);

    private static string Org(string id) =>
        $$$"""{"id":"{{{id}}}","type":"OrganizationRegistered","effectiveDate":"2020-01-01","source":{"title":"t","publisher":"p"},"data":{"orgId":"{{{id}}}","name":"{{{id}}}","country":"US","kind":"company"}}""";

    private static string Rename(string id, string org, string name) =>
        $$$"""{"id":"{{{id}}}","type":"OrganizationUpdated","effectiveDate":"2021-01-01","source":{"title":"t","publisher":"p"},"data":{"orgId":"{{{org}}}","name":"{{{name}}}"}}""";

    [Fact]
    public async Task ImportedEvents_ReadBackThroughMarten_InFileOrder_WithStreamVersions_AndMartenAppendsAfterThem()
    {
        // Given lines whose streams interleave, imported in two runs (the second appends to streams of the first)
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var store = database.CreateStore();
        var importer = new Importer(store, database.ConnectionString);
        string[] first = [Org("maker"), Org("buyer"), Rename("r-1", "maker", "Maker Two")];
        string[] second = [Rename("r-2", "buyer", "Buyer Two"), Rename("r-3", "maker", "Maker Three")];
        Assert.Equal(3, (await importer.ImportAsync(first.Select((l, i) => Line(i + 1, l)), ct: ct)).Stored);
        Assert.Equal(2, (await importer.ImportAsync(second.Select((l, i) => Line(i + 1, l)), ct: ct)).Stored);

        // When Marten reads the store, and appends to one of its streams itself
        await using (var session = store.LightweightSession())
        {
            var maker = await session.Events.FetchStreamAsync("org:maker", token: ct);
            Assert.Equal([1L, 2, 3], maker.Select(e => e.Version));
            Assert.Equal(["OrganizationRegistered", "OrganizationUpdated", "OrganizationUpdated"], maker.Select(e => e.EventTypeName));
            Assert.IsType<OrganizationUpdated>(maker[2].Data);
            Assert.Equal("r-3", EnvelopeHeaders.Read(maker[2]).Id);
            session.Events.Append("org:maker", new OrganizationUpdated("maker", Name: "Maker Four"));
            await session.SaveChangesAsync(ct);
        }

        // Then the stream's version goes on from the importer's, and the store holds the events in the files' order
        await using (var query = store.QuerySession())
        {
            var state = await query.Events.FetchStreamStateAsync("org:maker", ct);
            Assert.Equal(4, state!.Version);
            var all = await query.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(ct);
            Assert.Equal([1L, 2, 3, 4, 5, 6], all.Select(e => e.Sequence));
            Assert.Equal(["maker", "buyer", "r-1", "r-2", "r-3"], all.Take(5).Select(e => EnvelopeHeaders.Read(e).Id));
        }
    }
}
