using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>A journalist's session in the explorer at <c>/</c>, in chromium, against the real server with graph-seed.</summary>
public sealed partial class ExplorerTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
{
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task SearchingCarester_OpensIt_WithItsNeighboursAndTheirSources()
    {
        await OpenAsync("");
        await Expect(_page.Locator("#start")).ToBeVisibleAsync();

        await _page.Locator("#search-input").FillAsync("Carester");
        await Expect(_page.Locator("#search-results li[data-id='carester']")).ToBeVisibleAsync();
        await _page.Locator("#search-input").PressAsync("Enter");
        await Expect(_page.Locator("#view-list button[data-node='carester']")).ToBeVisibleAsync();
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Carester SAS");

        // Opening it draws its relationships at once: no Expand needed.
        await Expect(_page.Locator("#view-list button[data-node='caremag']")).ToBeVisibleAsync();
        await Expect(_page.Locator("#view-list button[data-node='solvay']")).ToBeVisibleAsync();
        await Expect(_page.Locator("#details li.source").First).ToContainTextAsync("Solvay");
        await Expect(_page.Locator("#details li.source a").First).ToHaveAttributeAsync("href", new Regex("^https://www\\.solvay\\.com/"));

        await _page.Locator("#details ul.relations button", new() { HasText = "Caremag SAS" }).ClickAsync();
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Investment relationship");
        await Expect(_page.Locator("#details .validity")).ToContainTextAsync("2024-03-08");
        await Expect(_page.Locator("#details li.source").First).ToContainTextAsync("Solvay and Carester sign Memorandum");
        await ScreenshotAsync("carester-expanded");
    }

    [Fact]
    public async Task Carester_ShowsUsaRareEarthsInvestment_WithItsSecFiling()
    {
        await OpenAsync("#open=carester&expand=carester&asOf=2026-11-30");
        await UntilDrawnAsync("2026-11-30");
        await Expect(_page.Locator("#view-list button[data-node='usa-rare-earth']")).ToBeVisibleAsync();

        await _page.Locator("#view-list button[data-node='carester']").ClickAsync();
        await _page.Locator("#details ul.relations button", new() { HasText = "USA Rare Earth, Inc." }).First.ClickAsync();

        await Expect(_page.Locator("#details li.source").First).ToContainTextAsync("USA Rare Earth, Inc. Form 8-K");
        await Expect(_page.Locator("#details li.source a").First).ToHaveAttributeAsync("href", new Regex("^https://www\\.sec\\.gov/"));
    }

    [Fact]
    public async Task MovingTheDate_ChangesTheVisibleRelationships()
    {
        await OpenAsync("#open=carester&expand=carester&asOf=2021-06-01");
        await UntilDrawnAsync("2021-06-01");
        Assert.Equal("0", await Status("data-edges"));
        await Expect(_page.Locator("#view-list button[data-node='caremag']")).ToHaveCountAsync(0);

        await _page.Locator("#as-of").FillAsync("2025-06-01");
        await _page.Locator("#as-of").DispatchEventAsync("change");
        await UntilDrawnAsync("2025-06-01");

        // Energy Fuels (2021), Torngat (2023), Solvay and Caremag (both 2024-03-08).
        Assert.Equal("4", await Status("data-edges"));
        await Expect(_page.Locator("#view-list button[data-node='caremag']")).ToBeVisibleAsync();
        Assert.Contains("asOf=2025-06-01", _page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Play_ReplaysTheNetworkYearByYear_UntilStopped()
    {
        await OpenAsync("#open=lynas&expand=lynas&asOf=2025-11-01");
        await UntilDrawnAsync("2025-11-01");

        // Each year is shown for a moment only: the page records what it draws, so a busy machine misses no year.
        await _page.EvaluateAsync("""
            () => {
              const status = document.getElementById('status');
              window.played = [];
              new MutationObserver(() => window.played.push([status.textContent, status.getAttribute('data-edges')]))
                .observe(status, { childList: true, characterData: true, subtree: true, attributes: true });
            }
            """);
        await _page.Locator("#play").ClickAsync();
        await _page.WaitForFunctionAsync("() => window.played.some(([text]) => / · as of 2012-12-31/.test(text))");
        await _page.Locator("#play").ClickAsync();
        var played = await _page.EvaluateAsync<string[][]>("() => window.played");
        var edgesByYear = played.Select(p => (Year: YearDrawn().Match(p[0]), Edges: p[1]))
            .Where(p => p.Year.Success).GroupBy(p => p.Year.Groups[1].Value).ToDictionary(g => g.Key, g => g.Last().Edges);

        await Expect(_page.Locator("#play")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal(["2010", "2011", "2012"], edgesByYear.Keys.Take(3));
        Assert.Equal("0", edgesByYear["2010"]);
        Assert.NotEqual("0", edgesByYear["2012"]);
    }

    [Fact]
    public async Task TheFlagshipForm_ListsTheFirmsLackingANonChineseMagnetSupplier()
    {
        await OpenAsync("");
        await _page.Locator("#questions summary").ClickAsync();
        var form = _page.Locator("form[data-question='flagship']");
        await form.Locator("select[name='product']").SelectOptionAsync("ndfeb-magnet");
        await form.Locator("select[name='bloc']").SelectOptionAsync("NATO");
        await form.Locator("input[name='exclude']").FillAsync("CN");
        await form.Locator("button[type='submit']").ClickAsync();

        await Expect(_page.Locator("#answer .summary")).ToContainTextAsync("lack a ndfeb-magnet supplier outside CN");
        await Expect(_page.Locator("#answer ol.answers > li", new() { HasText = "Airbus SE" })).ToBeVisibleAsync();
        var listed = await _page.Locator("#answer ol.answers > li").CountAsync();
        Assert.True(listed >= 10, $"only {listed} firms listed");
        Assert.True(int.Parse(await Status("data-nodes"), System.Globalization.CultureInfo.InvariantCulture) >= listed);
        await ScreenshotAsync("flagship");
    }

    [Fact]
    public async Task APermalink_ReproducesTheView()
    {
        await OpenAsync("#open=lynas&expand=lynas&asOf=2024-06-30");
        await UntilDrawnAsync("2024-06-30");
        await _page.Locator("#kinds input[value='partnership']").UncheckAsync();
        await _page.Locator("#view-list button[data-node='lynas']").ClickAsync();
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Lynas Rare Earths Ltd");
        var status = await _page.Locator("#status").TextContentAsync();
        var nodes = await _page.Locator("#view-list button").AllTextContentsAsync();
        var permalink = _page.Url;

        var again = await server.NewPageAsync();
        try
        {
            await again.GotoAsync(permalink);
            await Expect(again.Locator("#status")).ToHaveTextAsync(status!);
            Assert.Equal(nodes, await again.Locator("#view-list button").AllTextContentsAsync());
            await Expect(again.Locator("#kinds input[value='partnership']")).Not.ToBeCheckedAsync();
            await Expect(again.Locator("#as-of")).ToHaveValueAsync("2024-06-30");
            await Expect(again.Locator("#details h2")).ToHaveTextAsync("Lynas Rare Earths Ltd");
        }
        finally
        {
            await again.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheCsvExport_HasARowPerVisibleNodeAndRelationship()
    {
        await OpenAsync("#open=lynas,mp-materials,jl-mag&expand=lynas,mp-materials,jl-mag&asOf=2025-11-01");
        await UntilDrawnAsync("2025-11-01");
        var nodes = int.Parse(await Status("data-nodes"), System.Globalization.CultureInfo.InvariantCulture);
        var edges = int.Parse(await Status("data-edges"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(nodes > 10 && edges > 10, $"{nodes} nodes, {edges} relationships");
        await _page.Locator("#view-list button[data-node='jl-mag']").ClickAsync();
        await Expect(_page.Locator("#details li.source").First).ToBeVisibleAsync();
        await ScreenshotAsync("three-firms");

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.Locator("#export-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("record,id,label,name", rows[0], StringComparison.Ordinal);
        Assert.Equal(nodes, rows.Count(r => r.StartsWith("node,", StringComparison.Ordinal)));
        Assert.Equal(edges, rows.Count(r => r.StartsWith("relationship,", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.StartsWith("node,lynas,Organization,Lynas", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("relationship,", StringComparison.Ordinal) && r.Contains("https://", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePngAndSvgExports_DrawTheView()
    {
        await OpenAsync("#open=carester&expand=carester&asOf=2025-11-01");
        await UntilDrawnAsync("2025-11-01");

        var png = await _page.RunAndWaitForDownloadAsync(() => _page.Locator("#export-png").ClickAsync());
        var svg = await _page.RunAndWaitForDownloadAsync(() => _page.Locator("#export-svg").ClickAsync());

        var pngBytes = await File.ReadAllBytesAsync(await png.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], pngBytes[..4]);
        Assert.Equal("knowledge-graph-2025-11-01.svg", svg.SuggestedFilename);
        var svgText = await File.ReadAllTextAsync(await svg.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("<svg", svgText, StringComparison.Ordinal);
        Assert.Contains("Carester SAS", svgText, StringComparison.Ordinal);
    }

    private async Task OpenAsync(string hash) => await _page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());

    /// <summary>Waits until the graph is drawn as of that date (the status line reads "N nodes · M relationships · as of D").</summary>
    [GeneratedRegex(@" · as of (\d{4})-12-31")]
    private static partial Regex YearDrawn();

    private async Task UntilDrawnAsync(string asOf) =>
        await Expect(_page.Locator("#status")).ToHaveTextAsync(new Regex($"^\\d+ nodes · \\d+ relationships · as of {asOf}"));

    private async Task<string> Status(string attribute) => await _page.Locator("#status").GetAttributeAsync(attribute) ?? "";

    private async Task ScreenshotAsync(string name) =>
        await _page.ScreenshotAsync(new() { Path = Path.Combine(ExplorerServer.Screenshots, $"{name}.png") });
}
