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
        query Organization($id: String!, $asOf: Date, $knownAtSequence: Long) {
          organization(id: $id, knownAtSequence: $knownAtSequence) { id name suppliers(asOf: $asOf) { product status supplier { id name } } }
        }
        """;

    public const string Flagship = """
        query Flagship($product: String!, $bloc: String, $exclude: [String!]!, $asOf: Date, $knownAtSequence: Long) {
          firmsLackingSupplier(product: $product, bloc: $bloc, excludeSupplierCountries: $exclude, asOf: $asOf, knownAtSequence: $knownAtSequence, first: 500) {
            totalCount nodes { organization { id name } reason }
          }
        }
        """;

    /// <summary>The organization with its suppliers; with <paramref name="knownAtSequence"/>, as known at that knowledge point.</summary>
    public static byte[] OrganizationBody(string orgId, long? knownAtSequence = null) =>
        Body(Organization, new JsonObject { ["id"] = orgId, ["asOf"] = AsOf }, knownAtSequence);

    public static byte[] FlagshipBody(long? knownAtSequence = null) => Body(Flagship, new JsonObject
    {
        ["product"] = Product,
        ["bloc"] = Bloc,
        ["exclude"] = new JsonArray(ExcludedCountry),
        ["asOf"] = AsOf,
    }, knownAtSequence);

    private static byte[] Body(string query, JsonObject variables, long? knownAtSequence)
    {
        if (knownAtSequence is { } sequence)
        {
            variables["knownAtSequence"] = sequence;
        }
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["query"] = query, ["variables"] = variables });
    }
}
