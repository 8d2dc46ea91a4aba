using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Boundaries.Viewer.Api;

/// <summary>
/// <c>GET /api/v1/locate</c>: the chain of divisions holding one point. Plain valid requests are answered earlier by
/// <see cref="LocateFastPath"/>; this endpoint answers the rest (problems as RFC 7807, percent-encoded values …) with
/// the same writer, so both give the same bytes.
/// </summary>
internal static class LocateEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(LocateFastPath.Path, (HttpContext context, BoundaryCatalog catalog) =>
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
            var query = new LocateQuery(x, y, crs, at, sigma, LocateParameters.Flag(context, "distance"));
            return new LocateAnswerResult(catalog.Current, query);
        });
    }

    private sealed class LocateAnswerResult(BoundarySnapshot snapshot, LocateQuery query) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => LocateAnswerWriter.RespondAsync(httpContext, snapshot, query);
    }
}
