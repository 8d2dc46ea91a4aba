using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Topology;

/// <summary>
/// Writes an edge topology as one RFC 7946 FeatureCollection: the boundary lines (property <c>layer</c> = <c>lines</c>,
/// with <c>id</c>, <c>level</c>, <c>left</c>, <c>right</c>, <c>length_m</c>, <c>start_node</c>, <c>end_node</c>) and the
/// nodes (<c>layer</c> = <c>nodes</c>, with <c>id</c>, <c>level</c>, <c>degree</c>, <c>divisions</c>,
/// <c>tri_junction</c>, <c>touches_outside</c>). Written whole or not at all.
/// </summary>
public static class TopologyGeoJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="topology"/> to <paramref name="path"/>.</summary>
    public static void Write(BoundaryTopology topology, string path)
    {
        ArgumentNullException.ThrowIfNull(topology);
        AtomicFile.Write(path, temp =>
        {
            using var stream = File.Create(temp);
            using var json = new Utf8JsonWriter(stream, Options);
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var line in topology.Lines)
            {
                Feature(json, line.Geometry, w =>
                {
                    w.WriteString("layer", "lines");
                    w.WriteNumber("id", line.Id);
                    w.WriteString("level", line.Level.Name());
                    w.WriteString("left", line.Left);
                    w.WriteString("right", line.Right);
                    w.WriteNumber("length_m", Math.Round(line.LengthMeters, 3));
                    w.WriteNumber("start_node", line.StartNode);
                    w.WriteNumber("end_node", line.EndNode);
                });
            }
            foreach (var node in topology.Nodes)
            {
                Feature(json, node.Geometry, w =>
                {
                    w.WriteString("layer", "nodes");
                    w.WriteNumber("id", node.Id);
                    w.WriteString("level", node.Level.Name());
                    w.WriteNumber("degree", node.Degree);
                    w.WriteString("divisions", string.Join(",", node.Divisions));
                    w.WriteBoolean("tri_junction", node.IsTriJunction);
                    w.WriteBoolean("touches_outside", node.TouchesOutside);
                });
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Feature(Utf8JsonWriter json, Geometry geometry, Action<Utf8JsonWriter> properties)
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteStartObject("geometry");
        json.WriteString("type", geometry is Point ? "Point" : "LineString");
        json.WritePropertyName("coordinates");
        if (geometry is Point point)
        {
            Position(json, point.X, point.Y);
        }
        else
        {
            json.WriteStartArray();
            foreach (var c in geometry.Coordinates)
            {
                Position(json, c.X, c.Y);
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartObject("properties");
        properties(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Position(Utf8JsonWriter json, double x, double y)
    {
        json.WriteStartArray();
        // Ten decimals of a degree are about 0.01 mm: the 1 mm grid survives the round trip.
        json.WriteRawValue(Math.Round(x, 10).ToString("R", CultureInfo.InvariantCulture));
        json.WriteRawValue(Math.Round(y, 10).ToString("R", CultureInfo.InvariantCulture));
        json.WriteEndArray();
    }
}
