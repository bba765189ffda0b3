using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Web.Tests;

/// <summary>
/// A view of about 1,000 nodes, in chromium over a generated graph with every organization opened and expanded: it is
/// drawn while its neighbourhoods arrive, and then a click selects a node and shows its details, search answers, and a
/// drag and a wheel pan and zoom the drawing. Each step waits for the page's own answer (the details panel, the search
/// list, Cytoscape's viewport), under a generous timeout that fails the test if the page hangs; no step is timed
/// against a clock. The browser's Event Timing entries of the interactions are written to the test output.
/// </summary>
public sealed class LargeViewTests(GeneratedExplorerServer server) : IClassFixture<GeneratedExplorerServer>, IAsyncLifetime
{
    // What the page does is recorded as it happens: the status line's texts with the nodes drawn at each, and the
    // browser's timings of input events that took a frame or more (Event Timing, 16 ms being its smallest threshold).
    private const string Recorder = """
        window.recorded = { status: [], events: [] };
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.recorded.events.push([e.name, e.duration]); })
          .observe({ type: 'event', durationThreshold: 16, buffered: true });
        document.addEventListener('DOMContentLoaded', () => {
          const status = document.getElementById('status');
          new MutationObserver(() => window.recorded.status.push([status.textContent, document.getElementById('cy')._cyreg?.cy.nodes().length ?? 0]))
            .observe(status, { childList: true, characterData: true, subtree: true });
        });
        """;

    private const string Cy = "document.getElementById('cy')._cyreg.cy";

    private IPage _page = null!;

    public async ValueTask InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _page = await server.NewPageAsync();
        await _page.AddInitScriptAsync(Recorder);
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task AViewOfAThousandNodes_IsDrawnAsItArrives_AndAnswersClicksSearchAndPanAndZoom()
    {
        // Given every generated organization opened and expanded
        var ids = string.Join(',', server.OrganizationIds);
        await _page.GotoAsync(new Uri(server.BaseAddress, $"/#open={ids}&expand={ids}&asOf=2025-12-31").ToString());

        // Then the view is drawn, about 1,000 nodes, and parts of it were drawn before the last neighbourhood came
        await Expect(_page.Locator("#status")).ToHaveTextAsync(new Regex(@"^\d+ nodes · \d+ relationships · as of 2025-12-31"), new() { Timeout = 300_000 });
        Assert.True(await _page.Locator("#error").IsHiddenAsync(), await _page.Locator("#error").TextContentAsync());
        var nodes = int.Parse(await _page.Locator("#status").GetAttributeAsync("data-nodes") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(nodes, 800, 1300);
        Assert.Equal(nodes, await _page.EvaluateAsync<int>($"() => {Cy}.nodes().length"));
        var partial = await _page.EvaluateAsync<int[]>(@"() => window.recorded.status
            .filter(([text]) => /the relationships of \d+ of \d+ nodes/.test(text)).map(([, drawn]) => drawn)");
        Assert.Contains(partial, drawn => drawn > 0 && drawn < nodes);

        // When a node drawn apart from the others (shapes and labels) is clicked, then it is selected and its details appear
        var target = await _page.EvaluateAsync<NodeAt>($$"""
            () => {
              const cy = {{Cy}};
              const box = document.getElementById('cy').getBoundingClientRect();
              const boxes = cy.nodes().map((n) => [n, n.renderedBoundingBox()]);
              // Within 12 px of another node's shape or label is too close to tell which a click meant.
              const inside = (p, b) => p.x >= b.x1 - 12 && p.x <= b.x2 + 12 && p.y >= b.y1 - 12 && p.y <= b.y2 + 12;
              const [node] = boxes.find(([n, b]) => {
                const p = n.renderedPosition();
                return p.x > 20 && p.y > 20 && p.x < box.width - 20 && p.y < box.height - 20
                  && boxes.every(([m, c]) => m === n || !inside(p, c));
              });
              const p = node.renderedPosition();
              return { id: node.id(), name: node.data('name'), x: box.x + p.x, y: box.y + p.y };
            }
            """);
        await _page.Mouse.ClickAsync((float)target.X, (float)target.Y);
        await Expect(_page.Locator("#details h2")).ToHaveTextAsync(target.Name);
        Assert.Equal(target.Id, await _page.EvaluateAsync<string>($"() => {Cy}.$('node:selected').id()"));
        await Expect(_page.Locator($"#view-list button[aria-current='true']")).ToHaveTextAsync(target.Name);

        // When a name is searched, then the list of matches answers
        var searched = server.OrganizationIds[^1];
        var name = await _page.EvaluateAsync<string>($"(id) => {Cy}.getElementById(id).data('name')", searched);
        await _page.Locator("#search-input").FillAsync(name);
        await Expect(_page.Locator($"#search-results li[data-id='{searched}']")).ToBeVisibleAsync();

        // When the empty corner is dragged, then the drawing pans by the drag
        var corner = await _page.EvaluateAsync<double[]>("() => { const b = document.getElementById('cy').getBoundingClientRect(); return [b.x + 10, b.y + 10]; }");
        var before = await PanAsync();
        await _page.Mouse.MoveAsync((float)corner[0], (float)corner[1]);
        await _page.Mouse.DownAsync();
        await _page.Mouse.MoveAsync((float)corner[0] + 120, (float)corner[1] + 80, new() { Steps = 8 });
        await _page.Mouse.UpAsync();
        await _page.WaitForFunctionAsync($"([x, y]) => {Cy}.pan().x > x + 60 && {Cy}.pan().y > y + 40", before);

        // When the wheel turns six notches over the drawing, then it zooms in (Cytoscape.js damps the first few)
        var zoom = await _page.EvaluateAsync<double>($"() => {Cy}.zoom()");
        await _page.Mouse.MoveAsync((float)target.X, (float)target.Y);
        for (var notch = 0; notch < 6; notch++)
        {
            await _page.Mouse.WheelAsync(0, -100);
        }
        await _page.WaitForFunctionAsync($"(z) => {Cy}.zoom() > z * 1.15", zoom);

        // And what the browser measured of these interactions
        var events = await _page.EvaluateAsync<string>(@"() => Object.entries(window.recorded.events.reduce((m, [name, d]) =>
            ({ ...m, [name]: Math.max(m[name] ?? 0, d) }), {})).map(([name, d]) => `${name} ${d} ms`).join(', ') || 'none'");
        TestContext.Current.TestOutputHelper?.WriteLine($"{nodes} nodes; Event Timing, longest input event of each type over 16 ms: {events}");
    }

    private async Task<double[]> PanAsync() => await _page.EvaluateAsync<double[]>($"() => [{Cy}.pan().x, {Cy}.pan().y]");

    // Playwright fills the answer's properties after creating it.
    private sealed class NodeAt
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public double X { get; set; }
        public double Y { get; set; }
    }
}
