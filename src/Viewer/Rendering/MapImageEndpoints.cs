using System.Globalization;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Rendering;

/// <summary>
/// <c>GET /api/v1/map.png?bbox=minLon,minLat,maxLon,maxLat&amp;width=&amp;height=&amp;level=&amp;at=&amp;labels=</c>: a rendered
/// map for reports. Defaults: the whole extent, 800 × 600, the lowest level, the divisions still in force, labels on.
/// </summary>
internal static class MapImageEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/map.png", (HttpContext context, BoundaryCatalog catalog) =>
        {
            var q = context.Request.Query;
            var snapshot = catalog.Current;
            var divisions = snapshot.Locator.Divisions;
            var level = snapshot.Levels.Keys.Max();
            if (q["level"].ToString() is { Length: > 0 } lt)
            {
                if (!DivisionLevels.TryParse(lt, out var parsed) || !snapshot.Levels.ContainsKey(parsed.Value))
                {
                    return Results.Problem(statusCode: 400, title: "unknown level", detail: lt);
                }
                level = parsed.Value;
            }
            var box = new Envelope();
            foreach (var d in divisions)
            {
                box.ExpandToInclude(d.Geometry.EnvelopeInternal);
            }
            if (q["bbox"].ToString() is { Length: > 0 } bt)
            {
                var n = bt.Split(',').Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
                if (n.Length != 4 || n.Any(v => !double.IsFinite(v)) || n[0] >= n[2] || n[1] >= n[3])
                {
                    return Results.Problem(statusCode: 400, title: "bad bbox", detail: "bbox=minLon,minLat,maxLon,maxLat");
                }
                box = new Envelope(n[0], n[2], n[1], n[3]);
            }
            if (!Size(q["width"].ToString(), 800, out var width) || !Size(q["height"].ToString(), 600, out var height))
            {
                return Results.Problem(statusCode: 400, title: "bad size", detail: "width and height are 16..4096 pixels");
            }
            DateOnly? at = null;
            if (q["at"].ToString() is { Length: > 0 } a)
            {
                if (!DateOnly.TryParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return Results.Problem(statusCode: 400, title: "bad date", detail: a);
                }
                at = day;
            }
            var labels = q["labels"].ToString() is not ("false" or "0" or "no");
            return Results.File(MapRenderer.RenderPng(divisions, box, width, height, level, at, labels), "image/png");
        });
    }

    private static bool Size(string text, int fallback, out int value)
    {
        value = fallback;
        return text.Length == 0 || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 16 and <= 4096);
    }
}
