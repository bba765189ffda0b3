using KnowledgeGraph.Testing;
using Microsoft.Playwright;

namespace KnowledgeGraph.Web.Tests;

/// <summary>What every view of the explorer is checked for (axe-core), and the screenshots the README shows.</summary>
public static class PageChecks
{
    /// <summary>Runs axe-core (from the explorer's node_modules) on the page: no serious or critical violation.</summary>
    public static async Task AssertNoSeriousAccessibilityViolationAsync(this IPage page, string view)
    {
        var axe = Path.Combine(RepositoryPaths.Root, "web", "explorer", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), $"{axe} is missing: scripts/build-web.sh installs it");
        await page.AddScriptTagAsync(new() { Path = axe });
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
            """);
        Assert.True(violations.Length == 0, $"axe-core on {view}: {string.Join("; ", violations)}");
    }

    /// <summary>Saves a screenshot beside the test binaries (the README's come from there).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ExplorerServer.Screenshots, $"{name}.png") });
}
