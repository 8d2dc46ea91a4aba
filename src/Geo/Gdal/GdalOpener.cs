using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Gdal;

/// <summary>Opens a dataset read-only with verbose errors and turns GDAL's refusal into our exception.</summary>
internal static class GdalOpener
{
    /// <summary>
    /// Opens <paramref name="path"/> as a vector (<paramref name="raster"/> false) or raster dataset.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file or folder.</exception>
    /// <exception cref="GdalUnavailableException">libgdal cannot be loaded.</exception>
    /// <exception cref="BoundariesFormatException">GDAL cannot open it; the reason is GDAL's own message.</exception>
    public static (GdalDatasetHandle Handle, string Driver) Open(string path, bool raster)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        GdalLibrary.EnsureLoaded(path);
        var kind = raster ? GdalNative.OfRaster : GdalNative.OfVector;
        GdalNative.CPLErrorReset();
        var handle = GdalNative.GDALOpenEx(path, kind | GdalNative.OfReadOnly | GdalNative.OfVerboseError, 0, 0, 0);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            var what = raster ? "raster" : "vector";
            throw new BoundariesFormatException($"GDAL cannot open it as a {what} dataset: {GdalLibrary.LastError("no driver recognised the file")}", path);
        }
        var driver = GdalNative.Text(GdalNative.GDALGetDriverShortName(GdalNative.GDALGetDatasetDriver(handle))) ?? "unknown";
        return (handle, driver);
    }
}
