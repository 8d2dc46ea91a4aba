using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Gdal;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;
using NetTopologySuite.Geometries;

namespace Boundaries.Survey.Formats;

/// <summary>
/// KML/KMZ placemarks from field apps, read through the GDAL bridge (libgdal; every folder is a layer): a point
/// placemark is a waypoint named by its <c>Name</c> with its <c>description</c> as code; every vertex of a line or
/// polygon placemark (a walked boundary, a track) is a track point. Heights are KML altitudes (metres above sea
/// level); <c>timestamp</c> (or <c>begin</c>) gives the UTC time. KML is WGS 84 lon/lat; a layer in another system is
/// refused. A placemark without a geometry becomes a <see cref="SurveyIssueCode.MissingField"/> error naming it.
/// </summary>
internal static class KmlSurveyReader
{
    public static void ReadInto(string path, SurveyCollector sink)
    {
        using var dataset = GdalVectorDataset.Open(path);
        long placemarks = 0;
        foreach (var layer in dataset.Layers)
        {
            if (layer.Crs is { } crs && crs != CrsCode.Wgs84 && crs != CrsCode.Cgcs2000)
            {
                throw new BoundariesFormatException($"layer '{layer.Name}' is in {crs}; KML placemarks are WGS 84 lon/lat", path, field: "crs");
            }
            foreach (var feature in dataset.ReadFeatures(layer.Index))
            {
                placemarks++;
                var fields = feature.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase);
                var name = Text(fields, "Name");
                if (feature.Geometry is not { IsEmpty: false } geometry)
                {
                    sink.Issue(SurveyIssueCode.MissingField, IssueSeverity.Error, $"placemark {placemarks} ('{name}') in '{layer.Name}' has no geometry", 0, "geometry");
                    continue;
                }
                sink.Record(geometry.GeometryType);
                var time = Time(fields.GetValueOrDefault("timestamp") ?? fields.GetValueOrDefault("begin"));
                var code = Text(fields, "description");
                foreach (var c in Vertices(geometry))
                {
                    var point = geometry is Point or MultiPoint;
                    if (Math.Abs(c.Y) > 90 || Math.Abs(c.X) > 180 || double.IsNaN(c.X) || double.IsNaN(c.Y))
                    {
                        sink.Issue(SurveyIssueCode.CoordinateOutOfRange, IssueSeverity.Error, $"placemark {placemarks} ('{name}'): ({c.Y.ToString(CultureInfo.InvariantCulture)}, {c.X.ToString(CultureInfo.InvariantCulture)}) is out of range", 0, "coordinates");
                        continue;
                    }
                    sink.Point(new SurveyPoint
                    {
                        Line = 0,
                        Kind = point ? SurveyPointKind.Waypoint : SurveyPointKind.TrackPoint,
                        X = c.X,
                        Y = c.Y,
                        Quality = FixQuality.Unknown,
                        Name = point ? name : null,
                        Code = point ? code : null,
                        OrthometricHeightMeters = double.IsNaN(c.Z) ? null : c.Z,
                        Date = time is { } d ? DateOnly.FromDateTime(d) : null,
                        Time = time is { } t ? TimeOnly.FromDateTime(t) : null,
                    });
                }
            }
        }
    }

    private static IEnumerable<CoordinateZ> Vertices(Geometry geometry)
    {
        foreach (var c in geometry.Coordinates)
        {
            yield return new CoordinateZ(c.X, c.Y, c.Z);
        }
    }

    private static string? Text(Dictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var v) && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null;

    private static DateTime? Time(object? value) => value switch
    {
        DateTime t => t,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => t,
        _ => null,
    };
}
