using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Survey.Compare;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Lines;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Survey;

/// <summary>
/// The survey dashboard: <c>GET /api/v1/survey?level=</c> (per district and city the share of boundary length
/// field-verified, lines still to walk, markers out of tolerance), <c>GET /api/v1/survey/lines</c> (lines with their
/// survey status), <c>/markers</c>, <c>/track</c> (GeoJSON), and <c>POST /api/v1/survey/files?name=</c> (upload a GNSS
/// or total-station file: it joins the comparison). 404 while the server has no survey.
/// </summary>
internal static class SurveyEndpoints
{
    /// <summary>A line with a share at least this is field-verified (the comparison's complete share).</summary>
    private static readonly double CompleteShare = new ComparisonOptions().CompleteShare;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/survey", (HttpContext context, BoundaryCatalog catalog, SurveyCatalog survey) =>
            With(context, catalog, survey, (snapshot, level, c) => Results.Json(Dashboard(snapshot, level, c, survey), ViewerJson.Options)));
        app.MapGet("/api/v1/survey/lines", (HttpContext context, BoundaryCatalog catalog, SurveyCatalog survey) =>
            With(context, catalog, survey, (snapshot, level, c) => Results.Json(Lines(snapshot, level, c), ViewerJson.Options, "application/geo+json")));
        app.MapGet("/api/v1/survey/markers", (HttpContext context, BoundaryCatalog catalog, SurveyCatalog survey) =>
            With(context, catalog, survey, (_, _, c) => Results.Json(Markers(c, survey), ViewerJson.Options, "application/geo+json")));
        app.MapGet("/api/v1/survey/track", (HttpContext context, BoundaryCatalog catalog, SurveyCatalog survey) =>
            With(context, catalog, survey, (_, _, _) => Results.Json(Track(survey), ViewerJson.Options, "application/geo+json")));
        app.MapPost("/api/v1/survey/files", async (HttpContext context, BoundaryCatalog catalog, SurveyCatalog survey, Limits.LimitOptions limits) =>
        {
            var name = context.Request.Query["name"].ToString();
            string? saved = null;
            try
            {
                // Line-oriented logs are counted by lines while they arrive (XML files are not): a line over the limit
                // refuses the upload before it is kept.
                var lines = !(Path.GetExtension(name).ToLowerInvariant() is ".gpx" or ".kml" or ".kmz");
                var body = new Boundaries.Geo.Formats.ImportLimitStream(context.Request.Body,
                    new Boundaries.Geo.Formats.ImportLimits { MaxFileBytes = long.MaxValue, MaxLineBytes = limits.MaxImportLineBytes }, Path.GetFileName(name), lines);
                saved = await survey.AddAsync(name, body, context.RequestAborted);
                var observations = survey.Observations();
                return Results.Json(new
                {
                    files = observations.Files.Select(Path.GetFileName).ToArray(),
                    markers = observations.Markers.Length,
                    track_points = observations.TrackPoints.Length,
                    marker_rejections = observations.MarkerRejections.ToDictionary(k => k.Key.ToString(), k => k.Value),
                    track_rejections = observations.TrackRejections.ToDictionary(k => k.Key.ToString(), k => k.Value),
                    without_crs = observations.WithoutCrs,
                }, ViewerJson.Options);
            }
            catch (ArgumentException ex)
            {
                survey.Remove(saved);
                return Results.Problem(statusCode: 400, title: "unusable upload", detail: ex.Message);
            }
            catch (Boundaries.Geo.Formats.ImportLimitException ex) when (ex.Kind == Boundaries.Geo.Formats.ImportLimitKind.LineLength)
            {
                survey.Remove(saved);
                return Problems.Of(context, ProblemKind.ImportLineTooLong, ex.Path, ex.Line, ex.Limit);
            }
            catch (Boundaries.Geo.Formats.BoundariesFormatException ex)
            {
                // An unreadable file is not kept: the survey stays as it was before the upload.
                survey.Remove(saved);
                return Results.Problem(statusCode: 422, title: "unreadable survey file", detail: ex.Message);
            }
        });
    }

    private static IResult With(HttpContext context, BoundaryCatalog catalog, SurveyCatalog survey, Func<BoundarySnapshot, DivisionLevel, SurveyComparison, IResult> answer)
    {
        if (!survey.Any)
        {
            return Results.Problem(statusCode: 404, title: "no survey", detail: "start the server with --survey DIR or upload a file to /api/v1/survey/files");
        }
        var snapshot = catalog.Current;
        var text = context.Request.Query["level"].ToString();
        DivisionLevel level;
        if (string.IsNullOrEmpty(text))
        {
            level = DivisionLevel.Township;
        }
        else if (DivisionLevels.TryParse(text, out var parsed) && snapshot.Levels.ContainsKey(parsed.Value))
        {
            level = parsed.Value;
        }
        else
        {
            return Results.Problem(statusCode: 400, title: "unknown level", detail: text);
        }
        return answer(snapshot, level, survey.Compare(snapshot, level));
    }

    /// <summary><c>out-of-tolerance</c> when a marker of the line is beyond tolerance, else <c>field-verified</c> at the complete share, else <c>map-agreed</c>.</summary>
    internal static string Status(LineProgress line, ISet<int> outOfTolerance) =>
        outOfTolerance.Contains(line.Id) ? "out-of-tolerance" : line.Share >= CompleteShare ? "field-verified" : "map-agreed";

    /// <summary>Every compared line's status by id.</summary>
    internal static Dictionary<int, string> Statuses(SurveyComparison c)
    {
        var outOf = c.OutOfTolerance.Where(m => m.LineId is not null).Select(m => m.LineId!.Value).ToHashSet();
        return c.Lines.ToDictionary(l => l.Id, l => Status(l, outOf));
    }

    private static object Dashboard(BoundarySnapshot snapshot, DivisionLevel level, SurveyComparison c, SurveyCatalog survey)
    {
        var names = LineTopologyCache.Current(snapshot.Locator.Divisions).GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var lines = LineTopologyCache.For(snapshot).Lines.Where(l => l.Level == level).ToDictionary(l => l.Id);
        var observations = survey.Observations();
        return new
        {
            level = level.Name(),
            files = observations.Files.Select(Path.GetFileName).ToArray(),
            city = Total(c.City, null),
            districts = c.Districts.Select(d => Total(d, d.Code is { } code ? names.GetValueOrDefault(code) : null)).ToArray(),
            lines_to_walk = c.LinesToWalk.Select(id => c.Lines.First(l => l.Id == id)).Select(l => new
            {
                id = l.Id,
                code = l.Code,
                left = l.Left,
                right = l.Right,
                left_name = l.Left is { } a ? names.GetValueOrDefault(a) : null,
                right_name = l.Right is { } b ? names.GetValueOrDefault(b) : null,
                length_m = Math.Round(l.LengthMeters, 1),
                share = Math.Round(l.Share, 4),
                bbox = lines.TryGetValue(l.Id, out var line) ? Box(line.Geometry.EnvelopeInternal) : null,
            }).ToArray(),
            markers_out_of_tolerance = c.OutOfTolerance.Select(m => new { id = m.Id, line = m.LineCode, distance_m = m.DistanceMeters is { } d ? Math.Round(d, 3) : (double?)null, side = m.Side }).ToArray(),
            markers = c.Markers.Length,
            track_points = observations.TrackPoints.Length,
            track_rejections = observations.TrackRejections.ToDictionary(k => k.Key.ToString(), k => k.Value),
        };
    }

    private static object Total(ProgressTotal t, string? name) => new
    {
        code = t.Code,
        name,
        lines = t.Lines,
        length_m = Math.Round(t.LengthMeters, 1),
        verified_m = Math.Round(t.VerifiedMeters, 1),
        share = t.Share,
        markers_out_of_tolerance = t.MarkersOutOfTolerance,
    };

    private static double[] Box(Envelope e) => [e.MinX, e.MinY, e.MaxX, e.MaxY];

    private static object Lines(BoundarySnapshot snapshot, DivisionLevel level, SurveyComparison c)
    {
        var outOf = c.OutOfTolerance.Where(m => m.LineId is not null).Select(m => m.LineId!.Value).ToHashSet();
        var byId = LineTopologyCache.For(snapshot).Lines.Where(l => l.Level == level).ToDictionary(l => l.Id);
        return new
        {
            type = "FeatureCollection",
            features = c.Lines.Where(l => byId.ContainsKey(l.Id)).Select(l => new
            {
                type = "Feature",
                id = l.Id,
                geometry = (Geometry)byId[l.Id].Geometry,
                properties = new { id = l.Id, code = l.Code, left = l.Left, right = l.Right, length_m = Math.Round(l.LengthMeters, 1), share = Math.Round(l.Share, 4), survey_status = Status(l, outOf) },
            }).ToArray(),
        };
    }

    private static object Markers(SurveyComparison c, SurveyCatalog survey)
    {
        var estimates = survey.Observations().Markers.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        return new
        {
            type = "FeatureCollection",
            features = c.Markers.Where(m => estimates.TryGetValue(m.Id, out var e) && e.Longitude is not null && e.Latitude is not null).Select(m => new
            {
                type = "Feature",
                geometry = (Geometry)factory.CreatePoint(new Coordinate(estimates[m.Id].Longitude!.Value, estimates[m.Id].Latitude!.Value)),
                properties = new { id = m.Id, line = m.LineCode, distance_m = m.DistanceMeters is { } d ? Math.Round(d, 3) : (double?)null, side = m.Side, within_tolerance = m.WithinTolerance },
            }).ToArray(),
        };
    }

    private static object Track(SurveyCatalog survey)
    {
        var points = survey.Observations().TrackPoints;
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var multi = factory.CreateMultiPointFromCoords([.. points.Select(p => new Coordinate(p.X, p.Y))]);
        return new { type = "FeatureCollection", features = new[] { new { type = "Feature", geometry = (Geometry)multi, properties = new { points = points.Length } } } };
    }
}
