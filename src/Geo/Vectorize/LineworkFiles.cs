using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Reads the inputs of <see cref="LineworkVectorizer"/> from files: boundary lines and label points, from
/// <c>.geojson</c>/<c>.json</c>, <c>.gpkg</c>, <c>.shp</c> or <c>.csv</c> (a <c>wkt</c> column). GeoJSON and CSV
/// are read as CGCS2000 lon/lat unless <c>crs</c> says otherwise; a GeoPackage's srs_id and a shapefile's .prj are used
/// when present.
/// </summary>
public static class LineworkFiles
{
    /// <summary>Reads every line (LineString, MultiLineString; polygon rings count as lines) in <paramref name="path"/>.</summary>
    /// <param name="path">The file; the extension picks the format.</param>
    /// <param name="crs">The coordinate system, overriding the file's; <c>null</c> = the file's, else CGCS2000.</param>
    /// <returns>The lines in file order and their coordinate system.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ArgumentException">An unknown extension.</exception>
    /// <exception cref="BoundariesFormatException">The file cannot be read, has a point feature, or has no line at all.</exception>
    public static (ImmutableArray<Geometry> Lines, CrsCode Crs) ReadLines(string path, CrsCode? crs = null)
    {
        var (features, fileCrs) = VectorFeatureReader.Read(path, crs);
        foreach (var f in features)
        {
            if (f.Geometry is Point or MultiPoint)
            {
                throw new BoundariesFormatException($"a {f.Geometry.GeometryType} in a file of lines", path, feature: "#" + f.Index.ToString(CultureInfo.InvariantCulture), field: "geometry");
            }
        }
        if (features.Count == 0)
        {
            throw new BoundariesFormatException("no line features", path);
        }
        return ([.. features.Select(f => f.Geometry)], fileCrs);
    }

    /// <summary>
    /// Reads label points: each a Point with a <c>code</c> attribute (any case) and optionally <c>name</c>,
    /// <c>level</c> and <c>parent</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ArgumentException">An unknown extension.</exception>
    /// <exception cref="BoundariesFormatException">A feature that is not a point, has no code, or has a level that is not one.</exception>
    public static (ImmutableArray<LabelPoint> Labels, CrsCode Crs) ReadLabels(string path, CrsCode? crs = null)
    {
        var (features, fileCrs) = VectorFeatureReader.Read(path, crs);
        var labels = ImmutableArray.CreateBuilder<LabelPoint>(features.Count);
        foreach (var f in features)
        {
            var where = "#" + f.Index.ToString(CultureInfo.InvariantCulture);
            var point = f.Geometry switch
            {
                Point p => p,
                MultiPoint { NumGeometries: 1 } mp => (Point)mp.GetGeometryN(0),
                _ => throw new BoundariesFormatException($"a label is a point, not a {f.Geometry.GeometryType}", path, feature: where, field: "geometry"),
            };
            var code = Text(f, "code") ?? throw new BoundariesFormatException("a label needs a code", path, feature: where, field: "code");
            DivisionLevel? level = null;
            if (Text(f, "level") is { } levelText)
            {
                level = DivisionLevels.TryParse(levelText, out var l) ? l : throw new BoundariesFormatException($"'{levelText}' is not a division level", path, feature: where, field: "level");
            }
            labels.Add(new LabelPoint(code, Text(f, "name") ?? "", level, Text(f, "parent"), point));
        }
        return (labels.MoveToImmutable(), fileCrs);
    }

    private static string? Text(VectorFeature f, string field) =>
        f.Attributes.TryGetValue(field, out var v) && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null;
}
