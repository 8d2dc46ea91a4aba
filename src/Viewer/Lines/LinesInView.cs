using System.Globalization;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Features;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Http;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Lines;

/// <summary>
/// <c>GET /api/v1/lines?level=&amp;bbox=minLon,minLat,maxLon,maxLat&amp;limit=&amp;offset=</c>: the boundary lines of one
/// level whose envelope intersects the box (every line of the level without one), from the <see cref="LineIndex"/>,
/// at full stored precision (what an edit is based on), in id order with OGC-style paging (<c>number_matched</c>,
/// <c>number_returned</c>, a <c>next</c> link). When the matched lines hold more than
/// <see cref="Limits.LimitOptions.MaxLineVerticesInView"/> vertices the answer is a 422 problem asking to zoom in: the
/// web map's edit layer never pulls a whole city.
/// </summary>
internal static class LinesInView
{
    public const int DefaultLimit = 10_000;

    public const int MaxLimit = 10_000;

    public static IResult Get(HttpContext context, BoundaryCatalog catalog, Survey.SurveyCatalog survey, Limits.LimitOptions limits)
    {
        var snapshot = catalog.Current;
        var query = context.Request.Query;
        var level = LineEndpoints.Level(query["level"].ToString(), snapshot);
        if (level is null)
        {
            return Results.Problem(statusCode: 400, title: "unknown level", detail: query["level"].ToString());
        }
        Envelope? box = null;
        if (query["bbox"].ToString() is { Length: > 0 } bboxText)
        {
            if (!FeaturesEndpoints.TryBbox(bboxText, out var envelope))
            {
                return Problems.Of(context, ProblemKind.InvalidBbox, bboxText);
            }
            box = envelope;
        }
        var limit = DefaultLimit;
        var offset = 0;
        if (query["limit"].ToString() is { Length: > 0 } l && !(int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            return Problems.Of(context, ProblemKind.InvalidLimit, "limit", l, 1, MaxLimit);
        }
        if (query["offset"].ToString() is { Length: > 0 } o && !int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return Problems.Of(context, ProblemKind.InvalidLimit, "offset", o, 0, int.MaxValue);
        }

        var matched = LineIndex.Query(LineTopologyCache.For(snapshot), level.Value, box);
        var vertices = matched.Sum(x => x.Geometry.NumPoints);
        if (vertices > limits.MaxLineVerticesInView)
        {
            return Problems.Of(context, ProblemKind.TooManyVertices, level.Value.Name(), vertices, limits.MaxLineVerticesInView);
        }
        var names = LineTopologyCache.Current(snapshot.Locator.Divisions).ToDictionary(d => (d.Level, d.Code), d => d.Name);
        // with a survey, each line's status from the comparison (map-agreed, field-verified, out-of-tolerance)
        var status = survey.Any ? Survey.SurveyEndpoints.Statuses(survey.Compare(snapshot, level.Value)) : null;
        var page = matched.Skip(offset).Take(limit).ToList();
        var links = new List<object>();
        if (offset + page.Count < matched.Count)
        {
            links.Add(new { href = PageUrl(context, offset + page.Count, limit), rel = "next", type = "application/geo+json" });
        }
        return Results.Json(new
        {
            type = "FeatureCollection",
            numberMatched = matched.Count,
            numberReturned = page.Count,
            verticesMatched = vertices,
            maxVertices = limits.MaxLineVerticesInView,
            links,
            features = page.Select(x => LineEndpoints.Feature(x, names, status)).ToArray(),
        }, ViewerJson.Options, "application/geo+json");
    }

    private static string PageUrl(HttpContext context, int offset, int limit)
    {
        var parts = context.Request.Query.Where(q => q.Key is not ("offset" or "limit"))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()))
            .Append("limit=" + limit.ToString(CultureInfo.InvariantCulture))
            .Append("offset=" + offset.ToString(CultureInfo.InvariantCulture));
        return context.Request.PathBase + context.Request.Path + "?" + string.Join('&', parts);
    }
}
