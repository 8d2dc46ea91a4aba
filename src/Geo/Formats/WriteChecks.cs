using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Formats;

/// <summary>Checks every writer makes on a division before writing it.</summary>
internal static class WriteChecks
{
    /// <summary>The standard fields; an attribute may not reuse one of these names (in any case).</summary>
    public static readonly string[] StandardFields = ["code", "name", "level", "parent", "valid_from", "valid_to"];

    /// <summary>Throws <see cref="ArgumentException"/> when the division's geometry is not a polygon or multipolygon.</summary>
    public static void RequirePolygonal(Division division, string path)
    {
        if (division.Geometry is not (Polygon or MultiPolygon))
        {
            throw new ArgumentException(
                $"{path}: division {division.Code}: geometry is a {division.Geometry?.GeometryType ?? "null"}; only Polygon and MultiPolygon can be written");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when an attribute name collides with a standard field or the geometry column.</summary>
    public static void RequireDistinctAttributeNames(Division division, string path, params string[] reserved)
    {
        foreach (var key in division.Attributes.Keys)
        {
            if (StandardFields.Contains(key, StringComparer.OrdinalIgnoreCase) || reserved.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{path}: division {division.Code}: attribute '{key}' collides with a standard column name");
            }
        }
    }
}
