using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// Reading the view, in chromium against graph-seed: a company's own facilities drawn by default, a relationship's
/// label under the pointer, the focus mode that fades what is not connected to the selection, and search, the list of
/// nodes and the answer's table used with the keyboard alone.
/// </summary>
public sealed class DrawingTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
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

    [Fact]
    public async Task TheKeyboardAlone_SearchesOpensAndWalksTheListOfNodesAndTheTable()
    {
        await OpenAsync("#asOf=2026-11-30");
        await _page.Keyboard.PressAsync("Tab");
        await Expect(_page.Locator("a.skip")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#search-input")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("Carester");
        await Expect(_page.Locator("#search-results li[aria-selected='true']")).ToHaveAttributeAsync("data-id", "carester");
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Carester SAS");
        await Expect(_page.Locator("#details")).ToBeFocusedAsync();

        // The list of nodes in view: Tab into it, arrows along it, Enter selects.
        await TabUntilAsync("#view-list button");
        var first = await FocusedTextAsync();
        await _page.Keyboard.PressAsync("ArrowDown");
        var second = await FocusedTextAsync();
        Assert.NotEqual(first, second);
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync(second);

        // The flagship table: Tab to its first column's sort button, Enter sorts, arrows move along the headers.
        await OpenAsync(Flagship);
        await Expect(_page.Locator("#table-view tbody tr").First).ToBeVisibleAsync();
        await TabUntilAsync("#table-view thead button.sort");
        await _page.Keyboard.PressAsync("ArrowRight");
        await Expect(_page.Locator("#table-view button.sort[data-key='country']")).ToBeFocusedAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#table-view th[aria-sort='ascending'] button")).ToHaveAttributeAsync("data-key", "country");
        await Expect(_page.Locator("#table-view button.sort[data-key='country']")).ToBeFocusedAsync();
        await TabUntilAsync("#table-view tbody button.link");
        await _page.Keyboard.PressAsync("ArrowDown");
        var firm = await FocusedTextAsync();
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync(firm);
    }

    /// <summary>Presses Tab until the focus is on an element matching the selector.</summary>
    private async Task TabUntilAsync(string selector)
    {
        for (var presses = 0; presses < 200; presses++)
        {
            await _page.Keyboard.PressAsync("Tab");
            if (await _page.EvaluateAsync<bool>("(s) => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"200 presses of Tab never reached {selector}");
    }

    private async Task<string> FocusedTextAsync() => await _page.EvaluateAsync<string>("() => document.activeElement.textContent");

    private async Task<bool[]> FadedAsync(params string[] ids) => await _page.EvaluateAsync<bool[]>(
        "(ids) => ids.map((id) => document.getElementById('cy')._cyreg.cy.getElementById(id).hasClass('faded'))", ids);

    private async Task UntilDrawnAsync()
    {
        await Expect(_page.Locator("#status")).ToHaveTextAsync(new Regex(@"^\d+ nodes · [1-9]\d* relationships · as of "));
        await _page.WaitForFunctionAsync("() => !document.body.classList.contains('loading')");
    }

    private async Task OpenAsync(string hash) => await _page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
}
