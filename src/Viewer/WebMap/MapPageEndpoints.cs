using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Boundaries.Viewer.WebMap;

/// <summary>
/// The web map at <c>/map/</c>: the page, its script and style and OpenLayers, all embedded in the assembly at build
/// time (no internet needed). A browser asking <c>/</c> for HTML is sent there; other clients get the OGC landing page.
/// </summary>
internal static class MapPageEndpoints
{
    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["access.js"] = "text/javascript; charset=utf-8",
        ["enclaves.js"] = "text/javascript; charset=utf-8",
        ["survey.js"] = "text/javascript; charset=utf-8",
        ["divisions.js"] = "text/javascript; charset=utf-8",
        ["ol.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
        ["ol.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        // "/map" and "/map/" reach the same route; the page's relative links need the trailing slash.
        app.MapGet("/map", (HttpContext context) => context.Request.Path.Value!.EndsWith('/') ? Asset("index.html") : Results.Redirect("/map/"));
        app.MapGet("/map/{file}", (string file) => Asset(file));
    }

    /// <summary>True when a request for <c>/</c> comes from a browser (it prefers HTML), which gets the map.</summary>
    public static bool WantsHtml(HttpRequest request) =>
        request.Query["f"].ToString() != "json"
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static IResult Asset(string file)
    {
        if (!Types.TryGetValue(file, out var type))
        {
            return Results.NotFound();
        }
        var stream = typeof(MapPageEndpoints).Assembly.GetManifestResourceStream("Boundaries.Viewer.web." + file);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
