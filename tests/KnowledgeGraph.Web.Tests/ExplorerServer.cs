using System.Net.Http.Headers;
using System.Net.Http.Json;
using KnowledgeGraph.EventStore.Import;
using KnowledgeGraph.Testing;
using Microsoft.Playwright;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// The real API on Kestrel over a test database holding graph-seed/ (or what a subclass imports), projected, with the
/// explorer built, and Debian's chromium driven by Playwright: shared by the tests of one class.
/// </summary>
public class ExplorerServer : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>The key the tests' mutations are sent with (the server's KG_API_KEYS).</summary>
    private const string ApiKey = "explorer-test-key-0123";

    private readonly TestDatabase _database = new();
    private ApiServer<Program>? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Where the screenshots are kept, beside the test binaries.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        BuiltByTestScript.Require(Chromium, "Debian's chromium (Playwright's own browser download is not used)");
        BuiltByTestScript.Require(Path.Combine(RepositoryPaths.Root, "src", "KnowledgeGraph.Api", "wwwroot", "explorer", "index.html"), "the explorer's bundle");
        await _database.InitializeAsync();
        await using (var store = _database.CreateStore())
        {
            var summary = await new Importer(store, _database.ConnectionString).ImportAsync(await LinesAsync(_database.ConnectionString));
            Assert.Empty(summary.Rejections);
        }
        _server = new ApiServer<Program>(_database.ConnectionString, new Dictionary<string, string>(Settings) { ["KG_API_KEYS"] = ApiKey });
        await UntilProjectedAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ChromiumArgs, Headless = true });
    }

    /// <summary>The event lines the test database holds: graph-seed/.</summary>
    protected virtual Task<IEnumerable<InputLine>> LinesAsync(string connectionString) =>
        Task.FromResult(JsonLinesSource.Read(JsonLinesSource.Files(RepositoryPaths.GraphSeed)));

    /// <summary>The server's settings besides its API key.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Runs a mutation with the API key, checks that it stored its event, and waits until the graph shows it.</summary>
    public async Task MutateAsync(string mutation)
    {
        using var client = _server!.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query = mutation }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && body.Contains("\"stored\":true", StringComparison.Ordinal), $"the mutation was not stored: {body}");
        await UntilProjectedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task UntilProjectedAsync()
    {
        using var client = _server!.CreateHttpClient();
        await HealthPolling.UntilProjectedAsync(client, CancellationToken.None);
    }
}
