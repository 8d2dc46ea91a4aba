using System.Runtime.CompilerServices;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Boundaries.Viewer.Lines;

/// <summary>
/// <c>GET /api/v1/findings</c>: the validation findings (<see cref="CoverageChecker.Check"/>, default rules) of the
/// divisions in force, checked once per loaded snapshot; <c>GET /api/v1/trijunctions?level=</c>: the nodes where three
/// or more divisions of a level meet.
/// </summary>
internal static class CheckEndpoints
{
    private static readonly ConditionalWeakTable<BoundarySnapshot, ValidationReport> Reports = [];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/findings", (BoundaryCatalog catalog) =>
        {
            var report = Reports.GetValue(catalog.Current, s =>
                CoverageChecker.Check(new DivisionSet([.. LineTopologyCache.Current(s.Locator.Divisions)], CrsCode.Cgcs2000)));
            return Results.Json(new
            {
                divisions = report.Divisions,
                coverages = report.Coverages,
                has_errors = report.HasErrors,
                findings = report.Findings.Select(LineEndpoints.FindingJson).ToArray(),
            }, ViewerJson.Options);
        });
        app.MapGet("/api/v1/trijunctions", (HttpContext context, BoundaryCatalog catalog) =>
        {
            var snapshot = catalog.Current;
            var text = context.Request.Query["level"].ToString();
            if (!DivisionLevels.TryParse(text, out var level) || !snapshot.Levels.ContainsKey(level.Value))
            {
                return Results.Problem(statusCode: 400, title: "unknown level", detail: text);
            }
            var nodes = LineTopologyCache.For(snapshot).TriJunctions.Where(n => n.Level == level.Value).Select(n => new
            {
                type = "Feature",
                id = n.Id,
                geometry = (NetTopologySuite.Geometries.Geometry)n.Geometry,
                properties = new { id = n.Id, level = n.Level.Name(), divisions = n.Divisions, degree = n.Degree },
            }).ToArray();
            return Results.Json(new { type = "FeatureCollection", features = nodes }, ViewerJson.Options, "application/geo+json");
        });
    }
}
