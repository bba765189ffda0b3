using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// The path, supply-chain and what-if forms, filled in as a journalist would, answered on graph-seed on 2026-06-30.
/// The expectations are read from graph-seed's own lines: Energy Fuels buys mixed carbonate for Neo Performance
/// Materials and concentrate from Astron and Chemours; only Siemens Gamesa and Tesla buy NdFeB magnets from China alone.
/// </summary>
public sealed class QuestionFormsTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
{
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TheChainForm_ListsEachTierUpstream()
    {
        await AskAsync("chain", ("orgId", "neo-performance-materials"), ("depth", "2"));

        await Expect(_page.Locator("#answer .summary")).ToHaveTextAsync("3 supply link(s) in 2 tier(s) upstream of neo-performance-materials on 2026-06-30");
        await Expect(_page.Locator("#answer ol.answers > li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task ThePathForm_DrawsTheShortestPath_NodeByNode()
    {
        await AskAsync("path", ("from", "chemours"), ("to", "neo-performance-materials"), ("maxHops", "4"));

        await Expect(_page.Locator("#answer .summary")).ToHaveTextAsync("A path of 2 hop(s) on 2026-06-30");
        Assert.Equal(["chemours", "energy-fuels", "neo-performance-materials"], await NodesListedAsync());
    }

    [Fact]
    public async Task TheWhatIfForm_ListsTheFirmsThatWouldBeStranded()
    {
        await AskAsync("whatif", ("cut", "cn"), ("product", "ndfeb-magnet"), ("bloc", "NATO"));

        await Expect(_page.Locator("#answer .summary")).ToHaveTextAsync("2 firm(s) would lose every ndfeb-magnet supplier if CN were cut off on 2026-06-30");
        Assert.Equal(["siemens-gamesa", "tesla"], (await NodesListedAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFormWithAnUnknownFirm_SaysSo_AndListsNothing()
    {
        await AskAsync("path", ("from", "no-such-firm"), ("to", "neo-performance-materials"), ("maxHops", "4"));

        await Expect(_page.Locator("#answer")).ToContainTextAsync("no-such-firm");
        await Expect(_page.Locator("#answer ol.answers > li")).ToHaveCountAsync(0);
    }

    private async Task AskAsync(string question, params (string Name, string Value)[] fields)
    {
        await _page.GotoAsync(new Uri(server.BaseAddress, "/").ToString());
        await _page.Locator("#questions summary").ClickAsync();
        var form = _page.Locator($"form[data-question='{question}']");
        foreach (var (name, value) in fields)
        {
            var field = form.Locator($"[name='{name}']");
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(value);
            }
            else
            {
                await field.FillAsync(value);
            }
        }
        await form.Locator("input[name='asOf']").FillAsync("2026-06-30");
        await form.Locator("button[type='submit']").ClickAsync();
    }

    private async Task<IReadOnlyList<string>> NodesListedAsync()
    {
        await Expect(_page.Locator("#answer ol.answers > li").First).ToBeVisibleAsync();
        return await _page.Locator("#answer ol.answers > li > button[data-node]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.node)");
    }
}
