using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// The stage, country and bloc filters on Carester's relationships on graph-seed, 2026-11-30. The expectations are
/// read from graph-seed's lines: Caremag and InfraVia are French, USA Rare Earth American (mining and magnets),
/// Brazilian Rare Earths Australian (mining and separation). A filter hides the others; what was opened stays.
/// </summary>
public sealed partial class FilterTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
{
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
        await _page.GotoAsync(new Uri(server.BaseAddress, "/#open=carester&expand=carester&asOf=2026-11-30").ToString());
        await Expect(_page.Locator("#status")).ToHaveTextAsync(Drawn());
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TheCountryFilter_KeepsTheFirmsOfThatCountry()
    {
        await _page.Locator("#country").FillAsync("fr");
        await _page.Locator("#country").DispatchEventAsync("change");

        var shown = await ShownAsync();
        Assert.Contains("carester", shown);
        Assert.Contains("caremag", shown);
        Assert.Contains("infravia-capital-partners", shown);
        Assert.DoesNotContain("usa-rare-earth", shown);
        Assert.DoesNotContain("brazilian-rare-earths", shown);
        await Expect(_page.Locator("#status")).ToContainTextAsync("hidden by the filters or the date");
    }

    [Fact]
    public async Task TheStageFilter_KeepsTheFirmsAtThatStage()
    {
        await _page.Locator("#stage").SelectOptionAsync("mining");

        var shown = await ShownAsync();
        Assert.Contains("carester", shown);
        Assert.Contains("usa-rare-earth", shown);
        Assert.Contains("brazilian-rare-earths", shown);
        Assert.DoesNotContain("caremag", shown);
        Assert.DoesNotContain("infravia-capital-partners", shown);
    }

    [Fact]
    public async Task TheBlocFilter_KeepsTheFirmsOfItsMembers_AndClearingItShowsThemAllAgain()
    {
        var all = await ShownAsync();
        Assert.Contains("usa-rare-earth", all);
        Assert.Contains("brazilian-rare-earths", all);
        await _page.Locator("#bloc").SelectOptionAsync("EU");

        var shown = await ShownAsync();
        Assert.Contains("caremag", shown);
        Assert.DoesNotContain("usa-rare-earth", shown);
        Assert.DoesNotContain("brazilian-rare-earths", shown);

        await _page.Locator("#bloc").SelectOptionAsync("");
        Assert.Equal(all, await ShownAsync());
    }

    private async Task<IReadOnlyList<string>> ShownAsync()
    {
        await Expect(_page.Locator("#status")).ToHaveTextAsync(Drawn());
        return await _page.Locator("#view-list button[data-node]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.node)");
    }

    [GeneratedRegex(@"^\d+ nodes · \d+ relationships · as of 2026-11-30")]
    private static partial Regex Drawn();
}
