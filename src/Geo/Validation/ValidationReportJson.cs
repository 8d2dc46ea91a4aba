using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Validation;

/// <summary>
/// Writes a <see cref="ValidationReport"/> as JSON (a summary and the findings, locations as WKT) or as a GeoJSON
/// FeatureCollection with one feature per finding (properties <c>code</c>, <c>severity</c>, <c>divisions</c>,
/// <c>measure</c>, <c>unit</c>, <c>message</c>), like a topology error layer. Coordinates are lon/lat with 9 decimals
/// (about 0.1 mm); Chinese stays text; LF line endings.
/// </summary>
public static class ValidationReportJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    /// <summary>The report as JSON: <c>divisions</c>, <c>coverages</c>, <c>errors</c>, <c>warnings</c>, <c>counts</c>, <c>findings</c>, <c>accepted</c>.</summary>
    public static string ToJson(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("divisions", report.Divisions);
            w.WriteNumber("coverages", report.Coverages);
            w.WriteNumber("errors", report.Findings.Count(f => f.Severity == Severity.Error));
            w.WriteNumber("warnings", report.Findings.Count(f => f.Severity == Severity.Warning));
            w.WriteStartObject("counts");
            foreach (var (code, count) in report.CountByCode())
            {
                w.WriteNumber(code.Name(), count);
            }
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                Properties(w, f);
                w.WriteString("location", f.Location.AsText());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("accepted");
            foreach (var f in report.Accepted)
            {
                w.WriteStartObject();
                Properties(w, f);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The findings as a GeoJSON FeatureCollection, one feature per finding; an empty collection when there are none.</summary>
    public static string ToGeoJson(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            foreach (var f in report.Findings)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                GeometryJson(w, f.Location);
                w.WriteStartObject("properties");
                Properties(w, f);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Properties(Utf8JsonWriter w, Finding f)
    {
        w.WriteString("code", f.Code.Name());
        w.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
        w.WriteStartArray("divisions");
        foreach (var d in f.Divisions)
        {
            w.WriteStringValue(d);
        }
        w.WriteEndArray();
        if (f.Measure is { } m)
        {
            w.WriteNumber("measure", m);
        }
        else
        {
            w.WriteNull("measure");
        }
        w.WriteString("unit", f.MeasureUnit);
        w.WriteString("message", f.Message);
    }

    private static void GeometryJson(Utf8JsonWriter w, Geometry g)
    {
        if (g.IsEmpty)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("type", g.GeometryType);
        if (g is GeometryCollection and not (MultiPoint or MultiLineString or MultiPolygon))
        {
            w.WriteStartArray("geometries");
            for (var i = 0; i < g.NumGeometries; i++)
            {
                GeometryJson(w, g.GetGeometryN(i));
            }
            w.WriteEndArray();
        }
        else
        {
            w.WritePropertyName("coordinates");
            Coordinates(w, g);
        }
        w.WriteEndObject();
    }

    private static void Coordinates(Utf8JsonWriter w, Geometry g)
    {
        switch (g)
        {
            case Point p:
                Position(w, p.Coordinate);
                break;
            case LineString l:
                Positions(w, l.Coordinates);
                break;
            case Polygon p:
                w.WriteStartArray();
                Positions(w, p.ExteriorRing.Coordinates);
                foreach (var h in p.InteriorRings)
                {
                    Positions(w, h.Coordinates);
                }
                w.WriteEndArray();
                break;
            default:
                w.WriteStartArray();
                for (var i = 0; i < g.NumGeometries; i++)
                {
                    Coordinates(w, g.GetGeometryN(i));
                }
                w.WriteEndArray();
                break;
        }
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] coordinates)
    {
        w.WriteStartArray();
        foreach (var c in coordinates)
        {
            Position(w, c);
        }
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c)
    {
        w.WriteStartArray();
        w.WriteRawValue(Math.Round(c.X, 9).ToString("R", CultureInfo.InvariantCulture));
        w.WriteRawValue(Math.Round(c.Y, 9).ToString("R", CultureInfo.InvariantCulture));
        w.WriteEndArray();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
