using System.Text.Json.Nodes;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;
using Npgsql;

namespace KnowledgeGraph.Api.Tests.Integrations;

/// <summary>Import lines for the integration tests: two firms, then as many supply agreements between them as asked.</summary>
public static class DealLines
{
    private static readonly JsonObject Source = new() { ["title"] = "Integration test", ["publisher"] = "KnowledgeGraph tests" };

    public static IReadOnlyList<string> Firms() =>
    [
        Line("evt-org-supplier", "OrganizationRegistered", new JsonObject
        {
            ["orgId"] = "test-supplier", ["name"] = "Test Supplier", ["country"] = "AU", ["kind"] = "company",
        }),
        Line("evt-org-buyer", "OrganizationRegistered", new JsonObject
        {
            ["orgId"] = "test-buyer", ["name"] = "Test Buyer", ["country"] = "DE", ["kind"] = "company",
        }),
    ];

    public static string Firm(string orgId, string country) => Line($"evt-org-{orgId}", "OrganizationRegistered", new JsonObject
    {
        ["orgId"] = orgId,
        ["name"] = orgId,
        ["country"] = country,
        ["kind"] = "company",
    });

    public static string BlocJoined(string country, string bloc) => Line($"evt-{country}-{bloc}", "BlocJoined", new JsonObject
    {
        ["country"] = country,
        ["bloc"] = bloc,
    });

    public static string SupplyAgreement(string dealId) => SupplyAgreement(dealId, "test-supplier", "test-buyer", "ndpr-oxide");

    public static string SupplyAgreement(string dealId, string supplierId, string buyerId, string product) =>
        Line($"evt-{dealId}", "SupplyAgreementSigned", new JsonObject
        {
            ["dealId"] = dealId,
            ["supplierId"] = supplierId,
            ["buyerId"] = buyerId,
            ["product"] = product,
            ["status"] = "signed",
        });

    public static string SupplyAgreementEnded(string dealId) => Line($"evt-{dealId}-ended", "SupplyAgreementEnded", new JsonObject
    {
        ["dealId"] = dealId,
        ["reason"] = "expired",
    });

    /// <summary>Records lines through the importer, as the API's mutations and kg import do.</summary>
    public static async Task RecordAsync(TestDatabase database, params IEnumerable<string> lines)
    {
        await using var store = database.CreateStore();
        var summary = await new Importer(store, database.ConnectionString)
            .ImportAsync(lines.Select((text, i) => new InputLine("test", i + 1, text)).ToList());
        Assert.Empty(summary.Rejections);
        // The importer's session advisory lock outlives its pooled connection until that connection is reused or
        // closed; a `kg import` process would wait for it, so the pool's idle connections are closed here.
        using var connection = new NpgsqlConnection(database.ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }

    private static string Line(string id, string type, JsonObject data) => new JsonObject
    {
        ["id"] = id,
        ["type"] = type,
        ["effectiveDate"] = "2025-01-15",
        ["source"] = Source.DeepClone(),
        ["data"] = data,
    }.ToJsonString();
}
