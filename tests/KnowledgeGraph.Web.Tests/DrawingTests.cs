using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// Reading the drawing, in chromium against graph-seed: a company's own facilities drawn by default, a relationship's
/// label under the pointer, and the focus mode that fades what is not connected to the selection.
/// </summary>
public sealed class DrawingTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
{
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task OpeningSolvay_DrawsTheFacilitiesItOperates_ByDefault()
    {
        await OpenAsync("#asOf=2025-11-01");
        await _page.Locator("#search-input").FillAsync("Solvay");
        await Expect(_page.Locator("#search-results li").First).ToHaveAttributeAsync("data-id", "solvay");
        await _page.Locator("#search-input").PressAsync("Enter");

        await Expect(_page.Locator("#kinds input[value='facility']")).ToBeCheckedAsync();
        await Expect(_page.Locator("#view-list button[data-node='la-rochelle']")).ToBeVisibleAsync();
        await Expect(_page.Locator("#view-list button[data-node='la-rochelle-magnet-line']")).ToBeVisibleAsync();
        await Expect(_page.Locator("#status")).Not.ToContainTextAsync("hidden by the filters");
    }

    [Fact]
    public async Task ARelationshipUnderThePointer_ShowsItsLabel()
    {
        await OpenAsync("#open=carester&expand=carester&asOf=2026-11-30");
        await UntilDrawnAsync();
        const string Edge = "e|INVESTED_IN|carester|caremag|inv-carester-caremag";

        var at = await _page.EvaluateAsync<double[]>("""
            (id) => {
              const cy = document.getElementById('cy')._cyreg.cy;
              const box = document.getElementById('cy').getBoundingClientRect();
              const p = cy.getElementById(id).renderedMidpoint();
              return [box.x + p.x, box.y + p.y, box.x + 10, box.y + 10];
            }
            """, Edge);
        // Into the drawing, then onto the relationship, as a hand would.
        await _page.Mouse.MoveAsync((float)at[0] - 20, (float)at[1] - 20);
        await _page.Mouse.MoveAsync((float)at[0], (float)at[1], new() { Steps = 5 });

        var label = await _page.WaitForFunctionAsync("() => document.getElementById('cy')._cyreg.cy.$('edge.hover').map((e) => e.style('label')).join(' / ') || null");
        Assert.Matches(new Regex("^INVESTED_IN"), await label.JsonValueAsync<string>());
        // Off it, to the drawing's empty corner (the layout keeps a margin).
        await _page.Mouse.MoveAsync((float)at[2], (float)at[3], new() { Steps = 5 });
        await _page.WaitForFunctionAsync("() => document.getElementById('cy')._cyreg.cy.$('edge.hover').length === 0");
    }

    [Fact]
    public async Task FocusMode_FadesWhatIsNotConnectedToTheSelection()
    {
        await OpenAsync("#open=carester&expand=carester&asOf=2026-11-30");
        await UntilDrawnAsync();
        await _page.Locator("#focus").CheckAsync();
        await _page.Locator("#view-list button[data-node='caremag']").ClickAsync();
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Caremag SAS");

        var focused = await FadedAsync("caremag", "carester", "solvay");
        Assert.Equal([false, false, true], focused);
        Assert.Contains("focus=1", _page.Url, StringComparison.Ordinal);

        await _page.Locator("#focus").UncheckAsync();
        var unfocused = await FadedAsync("caremag", "carester", "solvay");
        Assert.Equal([false, false, false], unfocused);
    }

    private async Task<bool[]> FadedAsync(params string[] ids) => await _page.EvaluateAsync<bool[]>(
        "(ids) => ids.map((id) => document.getElementById('cy')._cyreg.cy.getElementById(id).hasClass('faded'))", ids);

    private async Task UntilDrawnAsync()
    {
        await Expect(_page.Locator("#status")).ToHaveTextAsync(new Regex(@"^\d+ nodes · [1-9]\d* relationships · as of "));
        await _page.WaitForFunctionAsync("() => !document.body.classList.contains('loading')");
    }

    private async Task OpenAsync(string hash) => await _page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
}
