using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// Time in the explorer, in chromium against graph-seed: the histogram of changes along the date slider, a deal on the
/// start page and in the details as it stood at the date, the "what changed" table between two dates (from the changes
/// query), each checked against what graph-seed records, and a cited view that reopens the same answer after a new
/// event is recorded (its own database: it records one).
/// </summary>
public sealed class TimeAndCitationTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
{
    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TheHistogram_CountsEachYearsChanges_AndHighlightsTheYearInView()
    {
        await OpenAsync("#asOf=2024-06-30");

        var histogram = _page.Locator("#histogram");
        await Expect(histogram.Locator("rect")).ToHaveCountAsync(DateTime.UtcNow.Year - 2010 + 1);
        // 2010 holds Vinacomin's registration on 2010-09-29 (the organization and where it is based) and two partnerships
        // of three parties each (Toyota Tsusho, Sojitz and Vinacomin; Toyota Tsusho, Shin-Etsu and IREL), told by each
        // party's PARTY_TO: 2 + 6; 2009 none.
        await Expect(histogram.Locator("rect[data-year='2010']")).ToHaveAttributeAsync("data-count", "8");
        await Expect(histogram.Locator("rect.current")).ToHaveAttributeAsync("data-year", "2024");
        await Expect(histogram).ToHaveAttributeAsync("aria-label", new Regex("^Changes per year: 2010: 8, 2011: "));

        await _page.Locator("#as-of-year").FillAsync("2012");
        await _page.Locator("#as-of-year").DispatchEventAsync("change");
        await Expect(histogram.Locator("rect.current")).ToHaveAttributeAsync("data-year", "2012");
    }

    [Fact]
    public async Task AtADateBeforeADealChanged_TheStartPageAndTheDetailsShowItAsItStoodThen()
    {
        // USA Rare Earth's acquisition of Less Common Metals: announced on 2025-09-29 (Benzinga), completed on 2025-11-18
        // (USA Rare Earth's own release). On 2025-10-15 it is among the latest deals, still announced, and cites only the announcement.
        await OpenAsync("#asOf=2025-10-15");
        var latest = _page.Locator("#start ol.latest > li[data-deal='inv-usar-lcm-2025']");
        await Expect(latest.Locator("strong")).ToHaveTextAsync("2025-09-29 · investment · announced");
        await Expect(latest.Locator("li.source")).ToHaveTextAsync([new Regex("^Benzinga: USA Rare Earth snaps up UK metals maker")]);

        await OpenAsync("#open=inv-usar-lcm-2025&sel=inv-usar-lcm-2025&asOf=2025-10-15");
        await Expect(_page.Locator("#details dl.attributes dt:text-is('status') + dd")).ToHaveTextAsync("announced");

        await OpenAsync("#open=inv-usar-lcm-2025&sel=inv-usar-lcm-2025&asOf=2025-11-30");
        await Expect(_page.Locator("#details dl.attributes dt:text-is('status') + dd")).ToHaveTextAsync("completed");
    }

    [Fact]
    public async Task WhatChanged_AtCaresterInApril2026_ListsUsaRareEarthsAndInfraViasDealsAndThePartnership_WithTheirFiling()
    {
        await OpenAsync("#asOf=2026-05-01");
        await _page.Locator("#questions summary").ClickAsync();
        var form = _page.Locator("form[data-question='changes']");
        await form.Locator("input[name='from']").FillAsync("2026-04-01");
        await form.Locator("input[name='organization']").FillAsync("carester");
        await form.Locator("input[name='asOf']").FillAsync("2026-05-01");
        await form.Locator("button[type='submit']").ClickAsync();

        var rows = _page.Locator("#table-view tbody tr");
        await Expect(_page.Locator("#table-title")).ToHaveTextAsync("What changed from 2026-04-01 to 2026-05-01 (carester): 4 change(s)");
        await Expect(rows).ToHaveCountAsync(4);
        var seen = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllTextContentsAsync();
            Assert.Equal(["2026-04-09", "appeared"], cells.Take(2));
            Assert.StartsWith("USA Rare Earth, Inc. (SEC EDGAR): USA Rare Earth, Inc. Form 8-K", cells[4], StringComparison.Ordinal);
            seen.Add($"{cells[2]} | {cells[3]}");
        }
        // graph-seed's four events of 2026-04-09 about Carester: two investments, the supply agreement, and Carester's
        // part in the partnership (told by its PARTY_TO; the other parties' PARTY_TO do not touch Carester).
        Assert.Equal(
        [
            "InfraVia Capital Partners INVESTED_IN Carester SAS | InvestmentMade evt-inv-infravia-carester-2026",
            "USA Rare Earth, Inc. INVESTED_IN Carester SAS | InvestmentMade evt-inv-usar-carester-2026",
            "USA Rare Earth, Inc. SUPPLIES Carester SAS (re-concentrate) | SupplyAgreementSigned evt-sup-usar-carester-feedstock-2026",
        ], seen.Where(s => !s.Contains(" PARTY_TO ", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        var partnership = Assert.Single(seen, s => s.Contains(" PARTY_TO ", StringComparison.Ordinal));
        Assert.StartsWith("Carester SAS PARTY_TO ", partnership, StringComparison.Ordinal);
        Assert.EndsWith("| PartnershipFormed evt-pt-usar-carester-infravia-2026", partnership, StringComparison.Ordinal);
        await Expect(_page.Locator("#view-list button[data-node='infravia-capital-partners']")).ToBeVisibleAsync();
        await _page.AssertNoSeriousAccessibilityViolationAsync("the what-changed view");
    }

    [Fact]
    public async Task ACitedView_ReopensTheSameAnswer_AfterANewEventIsRecorded()
    {
        const string View = "#open=carester&expand=carester&asOf=2026-11-30";
        await OpenAsync(View);
        await UntilDrawnAsync(_page, "2026-11-30");

        await _page.Locator("#cite").ClickAsync();
        var citation = _page.Locator("#citation");
        await Expect(citation).ToHaveValueAsync(new Regex(@"^KnowledgeGraph explorer: the relationships of Carester SAS, as of 2026-11-30, as recorded up to knowledge point \d+"));
        await Expect(citation).ToHaveValueAsync(new Regex(@"\n\d+\. USA Rare Earth, Inc\. \(SEC EDGAR\), ""USA Rare Earth, Inc\. Form 8-K [^\n]*, https://www\.sec\.gov/"));
        await Expect(citation).ToHaveValueAsync(new Regex(@"\nPermalink: http://[^\n]*known=\d+"));
        await Expect(_page.Locator("#pinned")).ToBeVisibleAsync();
        await _page.AssertNoSeriousAccessibilityViolationAsync("the citation");
        var permalink = await _page.Locator("#cite-permalink").GetAttributeAsync("href");
        var status = await _page.Locator("#status").TextContentAsync();
        var nodes = await _page.Locator("#view-list button").AllTextContentsAsync();
        var text = await citation.InputValueAsync();

        await server.MutateAsync("""
            mutation { recordSupplyAgreement(input: { effectiveDate: "2026-11-20",
              source: { title: "Lynas to supply NdPr oxide to Carester", publisher: "Example Wire" },
              dealId: "sup-lynas-carester-cited", supplierId: "lynas", buyerId: "carester", product: "ndpr-oxide", status: "signed" }) { stored } }
            """);

        // Unpinned, the same view now shows the new agreement; the permalink shows what was cited.
        var now = await server.NewPageAsync();
        var again = await server.NewPageAsync();
        try
        {
            await now.GotoAsync(new Uri(server.BaseAddress, "/" + View).ToString());
            await Expect(now.Locator("#view-list button[data-node='lynas']")).ToBeVisibleAsync();

            await again.GotoAsync(permalink!);
            await Expect(again.Locator("#status")).ToHaveTextAsync(status!);
            Assert.Equal(nodes, await again.Locator("#view-list button").AllTextContentsAsync());
            await again.Locator("#cite").ClickAsync();
            await Expect(again.Locator("#citation")).ToHaveValueAsync(text);
        }
        finally
        {
            await now.Context.CloseAsync();
            await again.Context.CloseAsync();
        }
    }

    private static async Task UntilDrawnAsync(IPage page, string asOf) =>
        await Expect(page.Locator("#status")).ToHaveTextAsync(new Regex($"^\\d+ nodes · \\d+ relationships · as of {asOf}"));

    private async Task OpenAsync(string hash) => await _page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
}
