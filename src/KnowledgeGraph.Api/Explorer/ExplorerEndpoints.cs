using Microsoft.Extensions.FileProviders;

namespace KnowledgeGraph.Api.Explorer;

/// <summary>
/// The journalists' graph explorer, as bundled by scripts/build-web.sh into wwwroot/explorer/: the page at <c>/</c>,
/// its script and styles under <c>/explorer/</c>. The page talks to the API through <c>POST /graphql</c> only.
/// </summary>
public static class ExplorerEndpoints
{
    public const string RequestPath = "/explorer";

    public static WebApplication MapExplorer(this WebApplication app)
    {
        var folder = Locate(app.Environment);
        if (folder is not null)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = RequestPath });
        }
        app.MapGet("/", (HttpContext http) => ServePageAsync(http, folder));
        return app;
    }

    // Under the web root when the server runs from its project (development, tests), else beside the binaries.
    private static string? Locate(IWebHostEnvironment environment) =>
        new[]
        {
            Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "explorer"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "explorer"),
        }.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "index.html")));

    private static async Task ServePageAsync(HttpContext http, string? folder)
    {
        if (folder is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "The explorer is not built: run scripts/build-web.sh. GraphQL answers at /graphql.", http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(Path.Combine(folder, "index.html"), http.RequestAborted);
    }
}
