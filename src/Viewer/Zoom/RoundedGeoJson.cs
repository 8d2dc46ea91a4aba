using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Zoom;

/// <summary>
/// Writes a polygonal geometry as GeoJSON with coordinates rounded to a number of decimals. A vertex shared by two
/// divisions is rounded to the same value in both, so shared edges stay shared; the text is about a third of the
/// full-precision one.
/// </summary>
internal static class RoundedGeoJson
{
    public static void Write(Utf8JsonWriter writer, Geometry geometry, int decimals)
    {
        writer.WriteStartObject();
        switch (geometry)
        {
            case Polygon polygon:
                writer.WriteString("type", "Polygon");
                writer.WritePropertyName("coordinates");
                WritePolygon(writer, polygon, decimals);
                break;
            case MultiPolygon multi:
                writer.WriteString("type", "MultiPolygon");
                writer.WriteStartArray("coordinates");
                foreach (var part in multi.Geometries)
                {
                    WritePolygon(writer, (Polygon)part, decimals);
                }
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException("a division is a Polygon or MultiPolygon, not " + geometry.GeometryType, nameof(geometry));
        }
        writer.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon, int decimals)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.ExteriorRing, decimals);
        foreach (var hole in polygon.InteriorRings)
        {
            WriteRing(writer, hole, decimals);
        }
        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, LineString ring, int decimals)
    {
        writer.WriteStartArray();
        var sequence = ring.CoordinateSequence;
        double lastX = double.NaN, lastY = double.NaN;
        for (var i = 0; i < sequence.Count; i++)
        {
            var x = Math.Round(sequence.GetX(i), decimals);
            var y = Math.Round(sequence.GetY(i), decimals);
            // vertices that rounding made equal are written once (the closing vertex always)
            if (x == lastX && y == lastY && i < sequence.Count - 1)
            {
                continue;
            }
            writer.WriteStartArray();
            writer.WriteNumberValue(x);
            writer.WriteNumberValue(y);
            writer.WriteEndArray();
            lastX = x;
            lastY = y;
        }
        writer.WriteEndArray();
    }
}
