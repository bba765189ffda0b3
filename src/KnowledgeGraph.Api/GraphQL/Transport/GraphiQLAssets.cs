using Microsoft.Extensions.FileProviders;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// GraphiQL as bundled by scripts/build-web.sh into wwwroot/graphiql/, served from this server (no CDN): the page at
/// <c>GET /graphql</c> for a browser, its scripts and styles under <c>/graphiql/</c>.
/// </summary>
internal static class GraphiQLAssets
{
    public const string RequestPath = "/graphiql";

    /// <summary>
    /// The bundle's folder: under the web root when the server runs from its project (development, tests), else beside
    /// the binaries (a published or copied build).
    /// </summary>
    public static string? Locate(IWebHostEnvironment environment) =>
        new[]
        {
            Path.Combine(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"), "graphiql"),
            Path.Combine(AppContext.BaseDirectory, "wwwroot", "graphiql"),
        }.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "index.html")));

    public static void UseGraphiQLAssets(this WebApplication app, string? folder)
    {
        if (folder is not null)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = RequestPath });
        }
    }

    public static async Task ServePageAsync(HttpContext http, string? folder)
    {
        if (folder is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                "GraphiQL is not built: run scripts/build-web.sh. GraphQL itself answers here to POST application/json.",
                http.RequestAborted);
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.SendFileAsync(Path.Combine(folder, "index.html"), http.RequestAborted);
    }
}
