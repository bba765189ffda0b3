using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// The map view, in chromium against graph-seed: its focus mode fades what is not connected to the selection, as the
/// graph's does; the wheel zooms it and a drag pans it, markers keeping their size; a selection keeps the zoom; and
/// axe-core finds no serious violation with the focus on.
/// </summary>
public sealed class MapTests(ExplorerServer server) : IClassFixture<ExplorerServer>, IAsyncLifetime
{
    private const string View = "#open=carester,usa-rare-earth&expand=carester,usa-rare-earth&asOf=2026-11-30&view=map";

    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task FocusMode_FadesTheMarkersAndArcsNotConnectedToTheSelection()
    {
        await OpenAsync(View);
        await _page.Locator("#focus").CheckAsync();
        await _page.Locator("#map [data-node='caremag']").ClickAsync();
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("Caremag SAS");

        // Clear: Caremag, its arcs and the markers at their other ends; faded: every other marker and arc
        var wrong = await _page.EvaluateAsync<string[]>("""
            () => {
              const arcs = [...document.querySelectorAll('#map path.arc')];
              const touching = arcs.filter((a) => a.dataset.source === 'caremag' || a.dataset.target === 'caremag');
              const clear = new Set(['caremag', ...touching.flatMap((a) => [a.dataset.source, a.dataset.target])]);
              const markers = [...document.querySelectorAll('#map g.marker')];
              return [
                ...markers.filter((m) => m.classList.contains('faded') === clear.has(m.dataset.node)).map((m) => m.dataset.node),
                ...arcs.filter((a) => a.classList.contains('faded') === touching.includes(a)).map((a) => a.dataset.edge),
              ];
            }
            """);
        Assert.Empty(wrong);
        await Expect(_page.Locator("#map g.marker.faded").First).ToBeAttachedAsync();
        await Expect(_page.Locator("#map [data-node='carester']")).Not.ToHaveClassAsync(new Regex("faded"));
        await _page.AssertNoSeriousAccessibilityViolationAsync("the map in focus mode");

        await _page.Locator("#focus").UncheckAsync();
        await Expect(_page.Locator("#map .faded")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheWheelZoomsAndADragPans_MarkersKeepTheirSize_AndASelectionKeepsTheZoom()
    {
        await OpenAsync(View);
        var caremag = _page.Locator("#map [data-node='caremag'] circle");
        var usa = _page.Locator("#map [data-node='usa-rare-earth'] circle");
        await Expect(usa).ToBeVisibleAsync();
        var (size, apart) = (await BoxAsync(caremag), Distance(await BoxAsync(caremag), await BoxAsync(usa)));

        // When the wheel turns three notches over the map
        var centre = await BoxAsync(_page.Locator("#map svg"));
        await _page.Mouse.MoveAsync((float)(centre.X + centre.Width / 2), (float)(centre.Y + centre.Height / 2));
        for (var notch = 0; notch < 3; notch++)
        {
            await _page.Mouse.WheelAsync(0, -100);
        }

        // Then the map is closer, the markers further apart and no larger
        await _page.WaitForFunctionAsync("() => Number(document.querySelector('#map svg').dataset.zoom) > 1.3");
        var zoomed = await BoxAsync(caremag);
        Assert.True(Distance(zoomed, await BoxAsync(usa)) > apart * 1.3, "the markers did not move apart");
        Assert.Equal(size.Width, zoomed.Width, 0.5);

        // When the map is dragged, then what it shows moves with the pointer
        var from = (X: centre.X + (centre.Width / 2), Y: centre.Y + (centre.Height / 2));
        await _page.Mouse.MoveAsync((float)from.X, (float)from.Y);
        await _page.Mouse.DownAsync();
        await _page.Mouse.MoveAsync((float)from.X + 90, (float)from.Y - 60, new() { Steps = 6 });
        await _page.Mouse.UpAsync();
        var dragged = await BoxAsync(caremag);
        Assert.Equal(zoomed.X + 90, dragged.X, 2);
        Assert.Equal(zoomed.Y - 60, dragged.Y, 2);

        // When a marker is selected, the map is drawn again at the same zoom and place
        var zoom = await _page.Locator("#map svg").GetAttributeAsync("data-zoom");
        await _page.Locator("#map [data-node='usa-rare-earth']").ClickAsync();
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync("USA Rare Earth, Inc.");
        await Expect(_page.Locator("#map [data-node='usa-rare-earth']")).ToHaveClassAsync(new Regex("selected"));
        Assert.Equal(zoom, await _page.Locator("#map svg").GetAttributeAsync("data-zoom"));
        Assert.Equal(dragged.X, (await BoxAsync(caremag)).X, 0.5);
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not drawn");

    private static double Distance(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private async Task OpenAsync(string hash) => await _page.GotoAsync(new Uri(server.BaseAddress, "/" + hash).ToString());
}
