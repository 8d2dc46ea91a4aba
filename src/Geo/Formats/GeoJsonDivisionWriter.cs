using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Writes a <see cref="DivisionSet"/> as one RFC 7946 FeatureCollection, streaming features out with a
/// <see cref="Utf8JsonWriter"/>. Text is written as UTF-8 characters (no <c>\u</c> escapes for Chinese); numbers
/// in the shortest form that reads back to the same double (so lon/lat keep all their digits); exterior rings
/// counter-clockwise and holes clockwise (RFC 7946 §3.1.6) without changing the input geometries.
/// </summary>
internal static class GeoJsonDivisionWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    public static void Write(DivisionSet set, Stream stream, string path, DivisionWriteOptions options)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        if (options.GeoJsonCrsMember || !set.Crs.IsLonLat)
        {
            if (set.Crs.Epsg == 0)
            {
                throw new ArgumentException($"{path}: {set.Crs} has no EPSG code to write in a crs member; convert to EPSG:4490 first");
            }
            writer.WriteStartObject("crs");
            writer.WriteString("type", "name");
            writer.WriteStartObject("properties");
            writer.WriteString("name", $"urn:ogc:def:crs:EPSG::{set.Crs.Epsg}");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteStartArray("features");
        foreach (var division in set.Divisions)
        {
            WriteChecks.RequirePolygonal(division, path);
            WriteChecks.RequireDistinctAttributeNames(division, path);
            WriteFeature(writer, division);
            if (writer.BytesPending > 64 * 1024)
            {
                writer.Flush();
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteFeature(Utf8JsonWriter writer, Division d)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteStartObject("properties");
        writer.WriteString("code", d.Code);
        writer.WriteString("name", d.Name);
        writer.WriteString("level", d.Level.Name());
        WriteNullableString(writer, "parent", d.ParentCode);
        WriteNullableString(writer, "valid_from", d.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteNullableString(writer, "valid_to", d.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var (key, value) in d.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
        writer.WriteEndObject();
        writer.WritePropertyName("geometry");
        WriteGeometry(writer, d.Geometry);
        writer.WriteEndObject();
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long or int or short or byte or uint or ushort or sbyte:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case decimal m:
                writer.WriteNumberValue(m);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            default:
                writer.WriteStringValue(DivisionFieldMap.AsText(value));
                break;
        }
    }

    private static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        writer.WriteStartObject();
        writer.WriteString("type", geometry.GeometryType);
        writer.WriteStartArray("coordinates");
        if (geometry is Polygon polygon)
        {
            WriteRings(writer, polygon);
        }
        else
        {
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                writer.WriteStartArray();
                WriteRings(writer, (Polygon)geometry.GetGeometryN(i));
                writer.WriteEndArray();
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a polygon's rings into the open array, the shell counter-clockwise and holes clockwise.</summary>
    private static void WriteRings(Utf8JsonWriter writer, Polygon polygon)
    {
        if (polygon.IsEmpty)
        {
            return;
        }
        WriteRing(writer, polygon.Shell.CoordinateSequence, counterClockwise: true);
        foreach (var hole in polygon.Holes)
        {
            WriteRing(writer, hole.CoordinateSequence, counterClockwise: false);
        }
    }

    private static void WriteRing(Utf8JsonWriter writer, CoordinateSequence ring, bool counterClockwise)
    {
        var reverse = ring.Count >= 4 && Orientation.IsCCW(ring) != counterClockwise;
        var hasZ = ring.HasZ;
        writer.WriteStartArray();
        for (var k = 0; k < ring.Count; k++)
        {
            var i = reverse ? ring.Count - 1 - k : k;
            writer.WriteStartArray();
            writer.WriteNumberValue(ring.GetX(i));
            writer.WriteNumberValue(ring.GetY(i));
            if (hasZ && !double.IsNaN(ring.GetZ(i)))
            {
                writer.WriteNumberValue(ring.GetZ(i));
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }
}
