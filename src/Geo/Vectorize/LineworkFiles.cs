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
/// when present. Other formats GDAL reads (DXF, KML, MapInfo, File Geodatabase, GML … see
/// <see cref="DivisionFiles.Read"/>) go through the GDAL bridge: there a file may hold lines and labels together (a
/// CAD drawing), so points are left out of the lines and lines out of the labels; a DXF label is an INSERT whose block
/// attribute CODE (and NAME, LEVEL, PARENT) names the division, or a TEXT/MTEXT whose text is a division code.
/// A file read through GDAL that states no coordinate system (DXF) needs <c>crs</c>.
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
        var (features, fileCrs, bridged) = Read(path, crs);
        if (bridged)
        {
            features = [.. features.Where(f => f.Geometry is not (Point or MultiPoint))];
        }
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
        var (features, fileCrs, bridged) = Read(path, crs);
        var labels = ImmutableArray.CreateBuilder<LabelPoint>(features.Count);
        foreach (var f in features)
        {
            var where = "#" + f.Index.ToString(CultureInfo.InvariantCulture);
            if (bridged && !IsBridgedLabel(f))
            {
                continue;
            }
            var point = f.Geometry switch
            {
                Point p => p,
                MultiPoint { NumGeometries: 1 } mp => (Point)mp.GetGeometryN(0),
                _ => throw new BoundariesFormatException($"a label is a point, not a {f.Geometry.GeometryType}", path, feature: where, field: "geometry"),
            };
            var code = Text(f, "code") ?? (bridged ? CadText(f) : null) ?? throw new BoundariesFormatException("a label needs a code", path, feature: where, field: "code");
            DivisionLevel? level = null;
            if (Text(f, "level") is { } levelText)
            {
                level = DivisionLevels.TryParse(levelText, out var l) ? l : throw new BoundariesFormatException($"'{levelText}' is not a division level", path, feature: where, field: "level");
            }
            labels.Add(new LabelPoint(code, Text(f, "name") ?? "", level, Text(f, "parent"), point));
        }
        if (bridged && labels.Count == 0)
        {
            throw new BoundariesFormatException("no label points: a point with a code field, a block (INSERT) with a CODE attribute, or a text that is a division code", path);
        }
        return (labels.ToImmutable(), fileCrs);
    }

    /// <summary>The built-in readers by extension, else the GDAL bridge (<c>Bridged</c> true).</summary>
    private static (List<VectorFeature> Features, CrsCode Crs, bool Bridged) Read(string path, CrsCode? crs)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (DivisionFiles.ReadFormatOf(path) == "gdal")
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new FileNotFoundException($"{path}: no such file", path);
            }
            var (bridgedFeatures, bridgedCrs, _) = Gdal.GdalFeatureSource.Read(path, crs);
            return (bridgedFeatures, bridgedCrs, true);
        }
        var (features, fileCrs) = VectorFeatureReader.Read(path, crs);
        return (features, fileCrs, false);
    }

    /// <summary>A feature read through GDAL that is a label: a point with a code field, or a CAD text that is a division code.</summary>
    private static bool IsBridgedLabel(VectorFeature f) =>
        f.Geometry is Point or MultiPoint { NumGeometries: 1 } && (Text(f, "code") is not null || CadText(f) is not null);

    /// <summary>A DXF TEXT/MTEXT (GDAL's field <c>Text</c>) whose text is a division code; <c>null</c> otherwise.</summary>
    private static string? CadText(VectorFeature f) =>
        Text(f, "Text") is { } text && DivisionCode.TryParse(text, out _, out _) ? text : null;

    private static string? Text(VectorFeature f, string field) =>
        f.Attributes.TryGetValue(field, out var v) && Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null;
}
