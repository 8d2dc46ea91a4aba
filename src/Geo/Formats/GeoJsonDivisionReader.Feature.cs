using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Geo.Formats;

internal sealed partial class GeoJsonDivisionReader
{
    /// <summary>Serializer options that read GeoJSON geometries with NTS.</summary>
    internal static readonly JsonSerializerOptions GeometryOptions = CreateGeometryOptions();

    private static JsonSerializerOptions CreateGeometryOptions()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }

    private Division ReadFeature(JsonElement feature, long index)
    {
        var where = $"#{index}";
        if (feature.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "Feature")
        {
            throw new BoundariesFormatException($"type is '{type.GetString()}', expected 'Feature'", _path, feature: where, field: "type");
        }

        var hasId = feature.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null;
        object? id = hasId ? (idElement.ValueKind == JsonValueKind.Number ? idElement.GetRawText() : ToValue(idElement)) : null;

        var properties = new List<KeyValuePair<string, object?>>();
        if (feature.TryGetProperty("properties", out var props))
        {
            if (props.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in props.EnumerateObject())
                {
                    properties.Add(new(p.Name, ToValue(p.Value)));
                }
            }
            else if (props.ValueKind != JsonValueKind.Null)
            {
                throw new BoundariesFormatException($"'properties' is a {props.ValueKind}, expected an object or null", _path, feature: where, field: "properties");
            }
        }

        Geometry? geometry = null;
        if (feature.TryGetProperty("geometry", out var geom) && geom.ValueKind != JsonValueKind.Null)
        {
            try
            {
                geometry = geom.Deserialize<Geometry>(GeometryOptions);
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
            {
                throw new BoundariesFormatException($"unreadable geometry: {e.Message}", _path, feature: where, field: "geometry", inner: e);
            }
        }
        return _map.Map(index, properties, geometry, hasFeatureId: true, featureId: id);
    }

    /// <summary>Converts a property value to string, long, double, bool or null; objects and arrays keep their JSON text.</summary>
    private static object? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>
    /// Reads the pre-RFC 7946 <c>crs</c> member: <c>{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}}</c>
    /// (also <c>EPSG:4490</c>, and OGC CRS84 as EPSG:4326).
    /// </summary>
    private CrsCode? ParseCrsMember(JsonElement crs)
    {
        if (!crs.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object
            || !props.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            throw new BoundariesFormatException("the crs member has no properties.name; give the coordinate system with --from", _path, field: "crs");
        }
        var name = nameElement.GetString() ?? "";
        if (name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return CrsCode.Wgs84;
        }
        var tail = name[(name.LastIndexOf(':') + 1)..];
        if (int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var epsg) && CrsCode.TryFromEpsg(epsg, out var code))
        {
            return code;
        }
        throw new BoundariesFormatException($"unsupported coordinate system '{name}'; give the coordinate system with --from", _path, field: "crs");
    }
}
