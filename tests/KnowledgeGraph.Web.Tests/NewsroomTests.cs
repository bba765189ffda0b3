using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeGraph.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// What a newsroom needs of the explorer, in chromium against graph-seed: a start page that tells the story, search
/// that opens the company, the flagship answer as a table with its sources and the same rows in CSV, drawings whose
/// labels do not overlap, a map that places firms by country with their arcs at the date, and no serious accessibility
/// violation (axe-core) on the start, graph, table and map views.
/// </summary>
public sealed class NewsroomTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
{
    private const string Flagship = "#q=%7B%22type%22%3A%22flagship%22%2C%22product%22%3A%22ndfeb-magnet%22%2C%22bloc%22%3A%22NATO%22%2C%22exclude%22%3A%5B%22CN%22%5D%2C%22own%22%3Atrue%7D&asOf=2025-11-01";

    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TheStartPage_TellsWhatTheGraphHolds_AndOpensAStoryInOneClick()
    {
        await OpenAsync("#asOf=2026-11-30");

        var start = _page.Locator("#start");
        await Expect(start.Locator("ul.counts li")).ToHaveCountAsync(4);
        await Expect(start.Locator("ul.counts li").First).ToHaveTextAsync(new Regex(@"^\d[\d,]* organizations$"));
        await Expect(start.Locator("ol.latest > li").First).ToBeVisibleAsync();
        await Expect(start.Locator("ol.latest > li").First.Locator("li.source")).Not.ToHaveCountAsync(0);
        await Expect(start.Locator("table.concentration tbody tr")).ToHaveCountAsync(4);
        await _page.ScreenshotAsync("start");
        await _page.AssertNoSeriousAccessibilityViolationAsync("the start page");

        await start.GetByRole(AriaRole.Link, new() { Name = "NATO firms without a magnet supplier outside China" }).ClickAsync();
        await Expect(_page.Locator("#table-view tbody tr").First).ToBeVisibleAsync();
        await Expect(start).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Lynas_AndEnter_OpensTheCompany_WithItsRelationships()
    {
        await OpenAsync("#asOf=2025-11-01");

        await _page.Locator("#search-input").FillAsync("Lynas");
        await Expect(_page.Locator("#search-results li").First).ToHaveAttributeAsync("data-id", "lynas");
        await Expect(_page.Locator("#search-results li").First).ToContainTextAsync("Organization · AU");
        await _page.Locator("#search-input").PressAsync("Enter");

        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Lynas Rare Earths Ltd");
        await Expect(_page.Locator("#view-list button[data-node='lynas-malaysia']")).ToBeVisibleAsync();
        Assert.NotEqual("0", await _page.Locator("#status").GetAttributeAsync("data-edges"));
    }

    [Fact]
    public async Task TheFlagshipTable_ListsEachFirmWithItsReasonAndSources_AndExportsTheSameRows()
    {
        await OpenAsync(Flagship);
        var rows = _page.Locator("#table-view tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var count = await rows.CountAsync();
        Assert.True(count >= 10, $"only {count} firms in the table");
        for (var i = 0; i < count; i++)
        {
            await Expect(rows.Nth(i).Locator("td").Nth(2)).ToContainTextAsync("needs ndfeb-magnet");
            await Expect(rows.Nth(i).Locator("td").Nth(4).Locator("li")).Not.ToHaveCountAsync(0);
        }
        await Expect(rows.Filter(new() { HasText = "Tesla" }).Locator("td").Nth(3)).ToContainTextAsync("based in CN");

        // Sorted by country, descending (two clicks)
        await _page.Locator("#table-view th button[data-key='country']").ClickAsync();
        await _page.Locator("#table-view th button[data-key='country']").ClickAsync();
        await Expect(_page.Locator("#table-view th[aria-sort='descending']")).ToHaveCountAsync(1);
        var shown = await Task.WhenAll(Enumerable.Range(0, count).Select(i => rows.Nth(i).Locator("td").First.TextContentAsync()));
        var countries = await Task.WhenAll(Enumerable.Range(0, count).Select(i => rows.Nth(i).Locator("td").Nth(1).TextContentAsync()));
        Assert.Equal(countries.OrderByDescending(c => c, StringComparer.Ordinal), countries);
        await _page.ScreenshotAsync("table");
        await _page.AssertNoSeriousAccessibilityViolationAsync("the table view");

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.Locator("#export-table").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Firm,Country,Why it is listed,Suppliers in force,Sources", lines[0]);
        Assert.Equal(count, lines.Length - 1);
        Assert.Equal(shown, lines.Skip(1).Select(FirstField));
        Assert.All(lines.Skip(1), l => Assert.False(l.EndsWith(',') || l.EndsWith(",\"\"", StringComparison.Ordinal), $"a row without sources: {l}"));
    }

    [Fact]
    public async Task TheFlagshipDrawing_HasNoOverlappingLabels()
    {
        await OpenAsync(Flagship);
        await Expect(_page.Locator("#table-view tbody tr").First).ToBeVisibleAsync();

        Assert.Empty(await OverlappingLabelsAsync());
    }

    [Fact]
    public async Task AnExpandedCarester_HasNoOverlappingLabels_AndPassesAxe()
    {
        await OpenAsync("#open=carester&expand=carester&asOf=2026-11-30");
        await Expect(_page.Locator("#status")).ToHaveTextAsync(new Regex(@"^\d+ nodes · [1-9]\d* relationships · as of 2026-11-30"));

        Assert.Empty(await OverlappingLabelsAsync());
        await _page.ScreenshotAsync("graph");
        await _page.AssertNoSeriousAccessibilityViolationAsync("the graph view");
    }

    [Fact]
    public async Task TheMap_PlacesCaremagAndCaresterInFrance_AndUsaRareEarthInTheUs_WithTheSupplyArcsOfTheDate()
    {
        await OpenAsync("#open=carester,usa-rare-earth&expand=carester,usa-rare-earth&asOf=2026-11-30&view=map");
        var map = _page.Locator("#map");
        await Expect(map.Locator("[data-node='usa-rare-earth']")).ToBeVisibleAsync();

        Assert.Equal(["FR", "FR", "US"], [await CountryUnderAsync("caremag"), await CountryUnderAsync("carester"), await CountryUnderAsync("usa-rare-earth")]);
        // Caremag's dysprosium and terbium oxide for USA Rare Earth, proposed on 2026-04-09.
        var supply = map.Locator("path.arc[data-kind='supply'][data-source='caremag'][data-target='usa-rare-earth']");
        await Expect(supply).ToHaveCountAsync(2);
        await _page.ScreenshotAsync("map");
        await _page.AssertNoSeriousAccessibilityViolationAsync("the map view");

        await supply.First.DispatchEventAsync("click");
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Supply relationship");

        var arcsIn2026 = await map.GetAttributeAsync("data-arcs");
        await _page.Locator("#as-of").FillAsync("2025-06-01");
        await _page.Locator("#as-of").DispatchEventAsync("change");
        await Expect(_page.Locator("#status")).ToContainTextAsync("as of 2025-06-01");
        await Expect(map.Locator("[data-node='caremag']")).ToBeVisibleAsync();
        await Expect(supply).ToHaveCountAsync(0);
        Assert.NotEqual(arcsIn2026, await map.GetAttributeAsync("data-arcs"));
    }

    /// <summary>The country of the map's shape under a node's marker.</summary>
    private async Task<string?> CountryUnderAsync(string id) => await _page.EvaluateAsync<string?>("""
        (id) => {
          const r = document.querySelector(`#map [data-node="${id}"] :is(circle, rect)`).getBoundingClientRect();
          return document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2)
            .map((e) => e.closest('.land path')?.dataset.country).find(Boolean) ?? null;
        }
        """, id);

    /// <summary>The pairs of drawn nodes whose labels' bounding boxes intersect, once the layout has settled.</summary>
    private async Task<string[]> OverlappingLabelsAsync()
    {
        await _page.WaitForFunctionAsync("() => !document.body.classList.contains('loading')");
        var pairs = await _page.EvaluateAsync<JsonElement>("""
            () => {
              const cy = document.getElementById('cy')._cyreg.cy;
              const labelled = cy.nodes().filter((n) => n.data('name'));
              const boxes = labelled.map((n) => ({ name: n.data('name'), b: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }) }));
              const overlaps = [];
              for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].b, b = boxes[j].b;
                  if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push(`${boxes[i].name} / ${boxes[j].name}`);
                }
              return { count: boxes.length, overlaps };
            }
            """);
        Assert.True(pairs.GetProperty("count").GetInt32() > 3, "too few labelled nodes drawn");
        return pairs.GetProperty("overlaps").EnumerateArray().Select(p => p.GetString()!).ToArray();
    }

    /// <summary>The first field of a CSV line, unquoted.</summary>
    private static string FirstField(string line) =>
        line.StartsWith('"') ? line[1..line.IndexOf("\",", 1, StringComparison.Ordinal)].Replace("\"\"", "\"", StringComparison.Ordinal) : line.Split(',')[0];

    private async Task OpenAsync(string hash) => await _page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
}
