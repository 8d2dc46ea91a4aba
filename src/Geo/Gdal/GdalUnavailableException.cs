namespace Boundaries.Geo.Gdal;

/// <summary>
/// libgdal could not be loaded, so formats read through GDAL (DXF, KML, MapInfo, File Geodatabase, GeoTIFF …) are
/// unavailable; the rest of the toolkit works. The message names the Debian packages to install. It is an
/// <see cref="IOException"/> because it is a fault of the environment, not of the input or the caller.
/// </summary>
public sealed class GdalUnavailableException : IOException
{
    /// <summary>Creates the exception for the library <paramref name="library"/> that failed to load.</summary>
    public GdalUnavailableException(string library, string? path, Exception? inner = null)
        : base(Compose(library, path, inner), inner)
    {
        Library = library;
        Path = path;
    }

    /// <summary>The library name or path that was tried (<c>libgdal.so.32</c> unless BOUNDARIES_GDAL_LIBRARY says otherwise).</summary>
    public string Library { get; }

    /// <summary>The file that needed GDAL; <c>null</c> when none.</summary>
    public string? Path { get; }

    private static string Compose(string library, string? path, Exception? inner)
    {
        var file = path is null ? "" : $"{path}: ";
        var why = inner is null ? "" : $" ({inner.Message})";
        return $"{file}this format is read through GDAL, but the GDAL library '{library}' could not be loaded{why}; "
            + "install the Debian package libgdal32 (apt-get install gdal-bin brings it), or convert the file to .gpkg, .geojson or .shp first";
    }
}
