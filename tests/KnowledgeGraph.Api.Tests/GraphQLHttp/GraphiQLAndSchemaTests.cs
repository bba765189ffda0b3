using System.Net;
using System.Text.RegularExpressions;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

public partial class GraphiQLAndSchemaTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Browser_GetsGraphiQL_AsHtmlWhoseScriptsAndStylesComeFromThisServer()
    {
        RequireGraphiQLBuilt();
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("graphiql", html, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(assets);
        Assert.All(assets, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        Assert.All(assets, url => Assert.DoesNotContain("//", url, StringComparison.Ordinal));
        foreach (var url in assets)
        {
            using var asset = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }
    }

    [Fact]
    public async Task Schema_IsServedAsSdlText()
    {
        await using var server = new ApiServer<Program>(database.ConnectionString);
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), TestContext.Current.CancellationToken);
        var sdl = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("type Query {", sdl, StringComparison.Ordinal);
        Assert.Contains("  organization(\n    id: String!,", sdl, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<(?:script|link)[^>]*?(?:src|href)="(?<url>[^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex AssetReference();

    /// <summary>The bundle is a build product of scripts/build-web.sh, which scripts/test.sh runs first.</summary>
    private static void RequireGraphiQLBuilt() => BuiltByTestScript.Require(
        Path.Combine(RepositoryPaths.Root, "src", "KnowledgeGraph.Api", "wwwroot", "graphiql", "index.html"), "the GraphiQL bundle");
}
