using System.Text.Json;
using System.Text.Json.Nodes;

namespace KnowledgeGraph.Bench.Load;

/// <summary>The two questions of figure 3, as GraphQL requests; the reference server receives the same bodies.</summary>
public static class ServedQueries
{
    public const string AsOf = "2025-06-30";
    public const string Product = "ndfeb-magnet";
    public const string Bloc = "EU";
    public const string ExcludedCountry = "CN";

    /// <summary>The flagship question's page: the largest the API serves, so that the whole answer comes back.</summary>
    public const int FlagshipPage = 500;

    public const string Organization = """
        query Organization($id: String!, $asOf: Date) {
          organization(id: $id) { id name suppliers(asOf: $asOf) { product status supplier { id name } } }
        }
        """;

    public const string Flagship = """
        query Flagship($product: String!, $bloc: String, $exclude: [String!]!, $asOf: Date) {
          firmsLackingSupplier(product: $product, bloc: $bloc, excludeSupplierCountries: $exclude, asOf: $asOf, first: 500) {
            totalCount nodes { organization { id name } reason }
          }
        }
        """;

    public static byte[] OrganizationBody(string orgId) => Body(Organization, new JsonObject { ["id"] = orgId, ["asOf"] = AsOf });

    public static byte[] FlagshipBody() => Body(Flagship, new JsonObject
    {
        ["product"] = Product,
        ["bloc"] = Bloc,
        ["exclude"] = new JsonArray(ExcludedCountry),
        ["asOf"] = AsOf,
    });

    private static byte[] Body(string query, JsonObject variables) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["query"] = query, ["variables"] = variables });
}
