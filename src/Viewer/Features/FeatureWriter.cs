using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Api;
using Boundaries.Viewer.Sources;

namespace Boundaries.Viewer.Features;

/// <summary>Writes divisions as GeoJSON features (RFC 7946, lon/lat) with their attributes as properties.</summary>
internal static class FeatureWriter
{
    public static void Write(Utf8JsonWriter writer, LevelFeature feature) => Write(writer, feature, null, 0);

    /// <summary>With <paramref name="drawn"/> (simplified for a zoom) in place of the stored geometry, rounded to <paramref name="decimals"/>.</summary>
    public static void Write(Utf8JsonWriter writer, LevelFeature feature, NetTopologySuite.Geometries.Geometry? drawn, int decimals)
    {
        var d = feature.Division;
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", feature.Id);
        writer.WritePropertyName("geometry");
        if (drawn is null)
        {
            JsonSerializer.Serialize(writer, d.Geometry, ViewerJson.Options);
        }
        else
        {
            Zoom.RoundedGeoJson.Write(writer, drawn, decimals);
        }
        writer.WriteStartObject("properties");
        writer.WriteString("code", d.Code);
        writer.WriteString("name", d.Name);
        writer.WriteString("level", d.Level.Name());
        WriteOrNull(writer, "parent", d.ParentCode);
        WriteOrNull(writer, "valid_from", d.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteOrNull(writer, "valid_to", d.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOrNull(Utf8JsonWriter writer, string name, string? value)
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
}
