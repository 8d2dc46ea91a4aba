using Boundaries.Geo.Model;

namespace Boundaries.Geo.Formats;

/// <summary>
/// Reads and writes divisions in the file formats the toolkit exchanges, chosen by extension:
/// <c>.geojson</c>/<c>.json</c> (RFC 7946 FeatureCollection), <c>.gpkg</c> (GeoPackage, one layer per level),
/// <c>.shp</c> (ESRI shapefile, read only) and <c>.csv</c> (one row per division with a <c>wkt</c> column); reading
/// also takes what GDAL reads (<c>.dxf .kml .kmz .tab .mif .gdb .gml .fgb .sqlite</c> and files of other extensions)
/// through the GDAL bridge when libgdal is installed.
/// Geometries stay in the file's own coordinates; the result says which system the file stated.
/// </summary>
public static class DivisionFiles
{
    /// <summary>
    /// Reads every division in <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The file; its extension picks the format.</param>
    /// <param name="options">The field map and overrides; <c>null</c> = <see cref="DivisionReadOptions.Default"/>.</param>
    /// <returns>The divisions in file order (an empty set for a file with no features).</returns>
    /// <exception cref="ArgumentException">The extension is neither a built-in format nor a GDAL one, and there is no such file.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BoundariesFormatException">The file cannot be read; the message names file, feature and field.</exception>
    /// <exception cref="Gdal.GdalUnavailableException">The format needs GDAL and libgdal is not installed (Debian libgdal32).</exception>
    public static DivisionReadResult Read(string path, DivisionReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= DivisionReadOptions.Default;
        var format = ReadFormatOf(path);
        if (!File.Exists(path) && !(format == "gdal" && Directory.Exists(path)))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        if (File.Exists(path) && new FileInfo(path).Length > options.Limits.MaxFileBytes)
        {
            throw ImportLimitException.FileTooLarge(path, options.Limits.MaxFileBytes);
        }
        switch (format)
        {
            case "geojson":
                using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan))
                using (var stream = new ImportLimitStream(file, options.Limits, path, countLines: false))
                {
                    return GeoJsonDivisionReader.Read(stream, path, options);
                }
            case "gpkg":
                return GeoPackageDivisionReader.Read(path, options);
            case "shp":
                return ShapefileDivisionReader.Read(path, options);
            case "csv":
                return CsvDivisionReader.Read(path, options);
            default:
                return Gdal.GdalDivisionReader.Read(path, options);
        }
    }

    /// <summary>
    /// Writes <paramref name="set"/> to <paramref name="path"/> atomically: the file is written under a temporary
    /// name in the same directory and moved over <paramref name="path"/> only when complete, so a failed write
    /// leaves no partial file and an existing file unchanged.
    /// </summary>
    /// <param name="set">The divisions; every geometry must be a Polygon or MultiPolygon.</param>
    /// <param name="path">The target; <c>.geojson</c>/<c>.json</c>, <c>.gpkg</c> or <c>.csv</c>.</param>
    /// <param name="options"><c>null</c> = <see cref="DivisionWriteOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">
    /// The extension is not writable (<c>.shp</c> is read only), or a division cannot be written (a geometry that is
    /// not polygonal, an attribute named like a standard column).
    /// </exception>
    public static void Write(DivisionSet set, string path, DivisionWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= DivisionWriteOptions.Default;
        var format = FormatOf(path);
        switch (format)
        {
            case "geojson":
                AtomicFile.Write(path, temp =>
                {
                    using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
                    GeoJsonDivisionWriter.Write(set, stream, path, options);
                    stream.Flush(flushToDisk: true);
                });
                break;
            case "gpkg":
                AtomicFile.Write(path, temp => GeoPackageDivisionWriter.Write(set, temp, path));
                break;
            case "csv":
                AtomicFile.Write(path, temp => CsvDivisionWriter.Write(set, temp, path, options));
                break;
            default:
                throw new ArgumentException($"{path}: ESRI shapefiles are read only; write .gpkg, .geojson or .csv", nameof(path));
        }
    }

    /// <summary>
    /// The reader for a path: the built-in readers for their extensions; GDAL for the formats it reads that the
    /// toolkit does not (<see cref="GdalExtensions"/>) and for an unknown extension on an existing file, which GDAL
    /// recognises by content or refuses with its own message.
    /// </summary>
    internal static string ReadFormatOf(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".geojson" or ".json" or ".gpkg" or ".shp" or ".csv")
        {
            return FormatOf(path);
        }
        if (GdalExtensions.Contains(ext) || File.Exists(path))
        {
            return "gdal";
        }
        throw new ArgumentException(
            $"{path}: unknown extension '{ext}'; use .geojson, .json, .gpkg, .shp or .csv, or a format GDAL reads ({string.Join(' ', GdalExtensions)})",
            nameof(path));
    }

    /// <summary>Extensions read through the GDAL bridge (libgdal): CAD, KML, MapInfo, File Geodatabase, GML, FlatGeobuf, SQLite.</summary>
    internal static readonly IReadOnlyList<string> GdalExtensions = [".dxf", ".kml", ".kmz", ".tab", ".mif", ".gdb", ".gml", ".fgb", ".sqlite"];

    /// <summary>The format name of a path's extension: geojson, gpkg, shp or csv.</summary>
    internal static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".geojson" or ".json" => "geojson",
        ".gpkg" => "gpkg",
        ".shp" => "shp",
        ".csv" => "csv",
        var ext => throw new ArgumentException($"{path}: unknown extension '{ext}'; use .geojson, .json, .gpkg, .shp or .csv", nameof(path)),
    };
}
