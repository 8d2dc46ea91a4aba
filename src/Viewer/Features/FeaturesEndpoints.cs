using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Features;

/// <summary>
/// OGC API – Features, Part 1 (core, GeoJSON, OpenAPI 3.0): the landing page, conformance, one collection per
/// division level present, items with <c>bbox</c>, <c>datetime</c>, <c>limit</c>/<c>offset</c> and next links, and
/// single items. Lines and markers join as collections once the store serves them. Items also take <c>zoom</c> (a web-map
/// zoom level, 0–30; not part of the standard): below <see cref="Zoom.ZoomLevels.FullPrecision"/> the geometries are
/// the level's coverage simplified for that zoom (shared edges stay shared) with rounded coordinates; and <c>ids</c>
/// (feature ids separated by commas): only those.
/// </summary>
internal static class FeaturesEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 10_000;
    public const int MaxZoom = 30;
    private const string GeoJson = "application/geo+json";
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context, BoundaryCatalog catalog) => WebMap.MapPageEndpoints.WantsHtml(context.Request)
            ? Results.Redirect("/map/")
            : Results.Json(Landing(context, catalog), ViewerJson.Ogc));
        app.MapGet("/conformance", () => Results.Json(new
        {
            conformsTo = new[]
            {
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            },
        }, ViewerJson.Ogc));
        app.MapGet("/collections", (HttpContext context, BoundaryCatalog catalog) =>
        {
            var snapshot = catalog.Current;
            var b = BaseUrl(context);
            return Results.Json(new
            {
                links = new[] { Link(b + "/collections", "self", "application/json", "this document") },
                collections = snapshot.Levels.OrderBy(l => l.Key).Select(l => Collection(b, l.Key, l.Value)).ToArray(),
            }, ViewerJson.Ogc);
        });
        app.MapGet("/collections/{collectionId}", (HttpContext context, BoundaryCatalog catalog, string collectionId) =>
            FindLevel(context, catalog.Current, collectionId, out var level, out var features) is { } problem
                ? problem
                : Results.Json(Collection(BaseUrl(context), level, features), ViewerJson.Ogc));
        app.MapGet("/collections/{collectionId}/items", Items);
        app.MapGet("/collections/{collectionId}/items/{featureId}", async (HttpContext context, BoundaryCatalog catalog, string collectionId, string featureId) =>
        {
            if (FindLevel(context, catalog.Current, collectionId, out _, out var features) is { } problem)
            {
                return problem;
            }
            var feature = features.FirstOrDefault(f => f.Id == featureId);
            if (feature is null)
            {
                return Problems.Of(context, ProblemKind.NotFound, Problems.PrefersChinese(context.Request) ? "要素" : "feature", featureId);
            }
            context.Response.ContentType = GeoJson;
            using var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
            FeatureWriter.Write(writer, feature);
            await writer.FlushAsync();
            return Results.Empty;
        });
    }

    private static async Task<IResult> Items(HttpContext context, BoundaryCatalog catalog, string collectionId)
    {
        var snapshot = catalog.Current;
        if (FindLevel(context, snapshot, collectionId, out var level, out var features) is { } problem)
        {
            return problem;
        }
        var query = context.Request.Query;
        int? zoom = null;
        if (query["zoom"].ToString() is { Length: > 0 } z)
        {
            if (!(int.TryParse(z, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedZoom) && parsedZoom is >= 0 and <= MaxZoom))
            {
                return Problems.Of(context, ProblemKind.InvalidZoom, z, MaxZoom);
            }
            zoom = parsedZoom;
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
        Geometry? box = null;
        if (query["bbox"].ToString() is { Length: > 0 } bboxText)
        {
            if (!TryBbox(bboxText, out var envelope))
            {
                return Problems.Of(context, ProblemKind.InvalidBbox, bboxText);
            }
            box = new GeometryFactory().ToGeometry(envelope);
        }
        DatetimeFilter? when = null;
        if (query["datetime"].ToString() is { Length: > 0 } datetimeText)
        {
            if (!DatetimeFilter.TryParse(datetimeText, out var parsed))
            {
                return Problems.Of(context, ProblemKind.InvalidDatetime, datetimeText);
            }
            when = parsed;
        }

        var drawn = zoom is { } atZoom && atZoom < Zoom.ZoomLevels.FullPrecision
            ? await Zoom.ZoomGeometry.For(snapshot).LevelAsync(level, atZoom)
            : null;
        // by reference: a dirty file may hold two records with one id
        var position = new Dictionary<LevelFeature, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; drawn is not null && i < features.Length; i++)
        {
            position[features[i]] = i;
        }
        var decimals = zoom is { } zd ? Zoom.ZoomLevels.Decimals(zd) : 0;
        // ids: only these features (the web map asks again for the divisions it lacks at a new zoom)
        var ids = query["ids"].ToString() is { Length: > 0 } idText ? idText.Split(',').ToHashSet(StringComparer.Ordinal) : null;
        var matched = features.Where(f => (ids is null || ids.Contains(f.Id)) && (when is not { } w || w.Matches(f.Division))
            && (box is null || (box.EnvelopeInternal.Intersects(f.Division.Geometry.EnvelopeInternal) && box.Intersects(f.Division.Geometry)))).ToList();
        var page = matched.Skip(offset).Take(limit).ToList();

        context.Response.ContentType = GeoJson;
        using var writer = new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteNumber("numberMatched", matched.Count);
        writer.WriteNumber("numberReturned", page.Count);
        writer.WriteString("timeStamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        writer.WriteStartArray("links");
        var self = BaseUrl(context) + context.Request.Path;
        WriteLink(writer, PageUrl(self, query, offset, limit), "self", GeoJson);
        if (offset + page.Count < matched.Count)
        {
            WriteLink(writer, PageUrl(self, query, offset + page.Count, limit), "next", GeoJson);
        }
        if (offset > 0)
        {
            WriteLink(writer, PageUrl(self, query, Math.Max(0, offset - limit), limit), "prev", GeoJson);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("features");
        foreach (var feature in page)
        {
            FeatureWriter.Write(writer, feature, drawn?[position[feature]], decimals);
            await writer.FlushAsync();
            await context.Response.BodyWriter.FlushAsync();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
        return Results.Empty;
    }

    private static string PageUrl(string self, IQueryCollection query, int offset, int limit)
    {
        var parts = query.Where(q => q.Key is not ("offset" or "limit"))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value.ToString()))
            .Append("limit=" + limit.ToString(CultureInfo.InvariantCulture))
            .Append("offset=" + offset.ToString(CultureInfo.InvariantCulture));
        return self + "?" + string.Join('&', parts);
    }

    internal static bool TryBbox(string text, out Envelope envelope)
    {
        envelope = new Envelope();
        var parts = text.Split(',');
        var n = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out n[i]) || !double.IsFinite(n[i]))
            {
                return false;
            }
        }
        var (x0, y0, x1, y1) = parts.Length switch
        {
            4 => (n[0], n[1], n[2], n[3]),
            6 => (n[0], n[1], n[3], n[4]),
            _ => (double.NaN, 0, 0, 0),
        };
        if (double.IsNaN(x0) || x0 > x1 || y0 > y1)
        {
            return false;
        }
        envelope = new Envelope(x0, x1, y0, y1);
        return true;
    }

    private static IResult? FindLevel(HttpContext context, BoundarySnapshot snapshot, string id, out DivisionLevel level,
        out System.Collections.Immutable.ImmutableArray<LevelFeature> features)
    {
        features = default;
        level = default;
        if (DivisionLevels.TryParse(id, out var parsed) && parsed.Value.Name() == id && snapshot.Levels.TryGetValue(parsed.Value, out features))
        {
            level = parsed.Value;
            return null;
        }
        return Problems.Of(context, ProblemKind.NotFound, Problems.PrefersChinese(context.Request) ? "要素集" : "collection", id);
    }

    private static object Landing(HttpContext context, BoundaryCatalog catalog)
    {
        var b = BaseUrl(context);
        return new
        {
            title = "Boundaries",
            description = $"Administrative divisions from {catalog.Description} (version {catalog.Current.Version}); point lookup at /api/v1/locate",
            links = new[]
            {
                Link(b + "/", "self", "application/json", "this document"),
                Link(b + "/api/v1/openapi.json", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition"),
                Link(b + "/conformance", "conformance", "application/json", "conformance classes"),
                Link(b + "/collections", "data", "application/json", "the division levels"),
            },
        };
    }

    private static object Collection(string b, DivisionLevel level, System.Collections.Immutable.ImmutableArray<LevelFeature> features)
    {
        var envelope = new Envelope();
        foreach (var f in features)
        {
            envelope.ExpandToInclude(f.Division.Geometry.EnvelopeInternal);
        }
        var from = features.Any(f => f.Division.ValidFrom is null) ? null : features.Min(f => f.Division.ValidFrom);
        var to = features.Any(f => f.Division.ValidTo is null) ? null : features.Max(f => f.Division.ValidTo);
        var id = level.Name();
        return new
        {
            id,
            title = $"{id} ({level.ChineseName()})",
            description = $"{features.Length} {id}-level divisions, every version",
            itemType = "feature",
            crs = new[] { "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
            extent = new
            {
                spatial = new { bbox = new[] { new[] { envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY } }, crs = "http://www.opengis.net/def/crs/OGC/1.3/CRS84" },
                temporal = new { interval = new[] { new[] { Day(from), Day(to) } } },
            },
            links = new[]
            {
                Link($"{b}/collections/{id}", "self", "application/json", "this collection"),
                Link($"{b}/collections/{id}/items", "items", GeoJson, "the divisions"),
            },
        };
    }

    private static string? Day(DateOnly? day) => day is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z" : null;

    private static object Link(string href, string rel, string type, string title) => new { href, rel, type, title };

    private static void WriteLink(Utf8JsonWriter writer, string href, string rel, string type)
    {
        writer.WriteStartObject();
        writer.WriteString("href", href);
        writer.WriteString("rel", rel);
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }

    private static string BaseUrl(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
}
