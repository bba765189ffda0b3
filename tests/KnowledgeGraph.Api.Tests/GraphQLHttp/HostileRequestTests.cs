using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

/// <summary>
/// The malformed and hostile requests that once answered 500 with an empty body: each must now be refused with a
/// 4xx status, a GraphQL-shaped body and an error code naming the problem.
/// </summary>
public class HostileRequestTests(HostileRequestTests.Api api) : IClassFixture<HostileRequestTests.Api>
{
    private const string Lookup = "query($v: String!) { organization(id: $v) { id } }";

    public static TheoryData<string, byte[], int, string> Requests() => new()
    {
        { "selections nested 31 deep", Body("{ organization(id: \"a\") { " + Nest("owners { owner { ", 15, "id", " } }") + " } }"), 400, "COMPLEXITY" },
        { "selections nested 200 deep", Body("{ organization(id: \"a\") { " + Nest("owners { owner { ", 100, "id", " } }") + " } }"), 400, "QUERY_TOO_DEEP" },
        { "input object nested 63 deep", Body(Nest("{ organizations(filter: ", 1, Nest("{countries: [", 63, "\"SE\"", "]}"), ") { totalCount } }")), 400, "QUERY_TOO_DEEP" },
        { "input object nested 1,000 deep", Body(Nest("{ organizations(filter: ", 1, Nest("{countries: [", 1000, "\"SE\"", "]}"), ") { totalCount } }")), 400, "QUERY_TOO_DEEP" },
        { "list argument nested 63 deep", Body("{ organization(id: " + Nest("[", 63, "\"a\"", "]") + ") { id } }"), 400, "ARGUMENTS_OF_CORRECT_TYPE" },
        { "list argument nested 1,000 deep", Body("{ organization(id: " + Nest("[", 1000, "\"a\"", "]") + ") { id } }"), 400, "QUERY_TOO_DEEP" },
        { "variable list nested 63 deep", Variables("{\"v\":" + Nest("[", 63, "1", "]") + "}"), 400, "BAD_REQUEST" },
        { "variable list nested 1,000 deep", Variables("{\"v\":" + Nest("[", 1000, "1", "]") + "}"), 400, "BAD_REQUEST" },
        { "variable object nested 100 deep", Variables("{\"v\":" + Nest("{\"a\":", 100, "1", "}") + "}"), 400, "BAD_REQUEST" },
        { "lone surrogate in a string of the query", Raw("""{"query":"{ organization(id: \"\ud800\") { id } }"}"""), 400, "BAD_REQUEST" },
        { "lone surrogate in a comment of the query", Raw("""{"query":"{ __typename } # \udc00"}"""), 400, "BAD_REQUEST" },
        { "lone surrogate in a variable", Variables("""{"v":"\ud800"}"""), 400, "BAD_REQUEST" },
        { "lone surrogate in a variable's name", Variables("""{"\ud800":"a"}"""), 400, "BAD_REQUEST" },
        { "lone surrogate in the operation name", Raw("""{"query":"{ __typename }","operationName":"\ud800"}"""), 400, "BAD_REQUEST" },
        { "lone surrogate in a top-level name", Raw("""{"query":"{ __typename }","\ud800":1}"""), 400, "BAD_REQUEST" },
        { "invalid UTF-8 in the query", Bytes("{\"query\":\"{ organization(id: \\\"", [0xFF, 0xFE], "\\\") { id } }\"}"), 400, "BAD_REQUEST" },
        { "invalid UTF-8 in a variable", Bytes("{\"query\":\"" + Lookup + "\",\"variables\":{\"v\":\"", [0xC3, 0x28], "\"}}"), 400, "BAD_REQUEST" },
        { "truncated UTF-8 in the operation name", Bytes("{\"query\":\"{ __typename }\",\"operationName\":\"", [0xE2, 0x82], "\"}"), 400, "BAD_REQUEST" },
        { "NUL in a variable", Variables("""{"v":"a\u0000b"}"""), 400, "BAD_USER_INPUT" },
        { "NUL in a nested variable", Raw("""{"query":"query($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }","variables":{"f":{"countries":["S\u0000E"]}}}"""), 400, "BAD_USER_INPUT" },
        { "NUL in a string literal", Body("{ organization(id: \"a\\u0000b\") { id } }"), 400, "BAD_USER_INPUT" },
        { "NUL in a search text", Body("{ search(text: \"\\u0000\") { totalCount } }"), 400, "BAD_USER_INPUT" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task HostileRequest_IsRefusedWithAGraphQLErrorNamingTheProblem(string kind, byte[] body, int status, string code)
    {
        using var client = api.Server.CreateHttpClient();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd(GraphQLHttpClient.GraphQLResponse);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode == status, $"{kind}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    /// <summary>One API over an empty database for the whole table.</summary>
    public sealed class Api : IAsyncLifetime
    {
        private readonly TestDatabase _database = new();

        public ApiServer<Program> Server { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await _database.InitializeAsync();
            Server = new ApiServer<Program>(_database.ConnectionString);
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    private static string Nest(string open, int depth, string inner, string close) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    private static byte[] Body(string query) => JsonSerializer.SerializeToUtf8Bytes(new { query });

    private static byte[] Variables(string json) => Raw("{\"query\":\"" + Lookup + "\",\"variables\":" + json + "}");

    private static byte[] Raw(string json) => Encoding.UTF8.GetBytes(json);

    private static byte[] Bytes(string before, byte[] invalid, string after) => [.. Raw(before), .. invalid, .. Raw(after)];
}
