using Boundaries.Geo.Locate;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Boundaries.Viewer.Api;

/// <summary><c>GET /api/v1/locate</c>: the chain of divisions holding one point.</summary>
internal static class LocateEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/locate", (HttpContext context, BoundaryCatalog catalog) =>
        {
            if (LocateParameters.Crs(context, out var crs) is { } p1)
            {
                return p1;
            }
            if (LocateParameters.At(context, out var at) is { } p2)
            {
                return p2;
            }
            if (LocateParameters.Sigma(context, out var sigma) is { } p3)
            {
                return p3;
            }
            if (LocateParameters.Coordinate(context, "lon", crs, isX: true, out var x) is { } p4)
            {
                return p4;
            }
            if (LocateParameters.Coordinate(context, "lat", crs, isX: false, out var y) is { } p5)
            {
                return p5;
            }
            var query = new LocateQueryOptions
            {
                Crs = crs,
                At = at,
                SigmaMeters = sigma,
                IncludeDistance = LocateParameters.Flag(context, "distance"),
            };
            var result = catalog.Current.Locator.Locate(x, y, query);
            return Results.Json(LocateAnswer.From(result, x, y, crs), ViewerJson.Options);
        });
    }
}
