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
    /// <param name="path">The dataset.</param>
    /// <param name="raster">True for a raster, false for vector data.</param>
    /// <param name="config">
    /// GDAL configuration options set on this thread only while the dataset is opened (drivers such as DXF read
    /// theirs at open), e.g. <c>DXF_INLINE_BLOCKS=FALSE</c>; <c>null</c> = none.
    /// </param>
    public static (GdalDatasetHandle Handle, string Driver) Open(string path, bool raster, IReadOnlyList<KeyValuePair<string, string>>? config = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        GdalLibrary.EnsureLoaded(path);
        var kind = raster ? GdalNative.OfRaster : GdalNative.OfVector;
        GdalNative.CPLErrorReset();
        foreach (var (key, value) in config ?? [])
        {
            GdalNative.CPLSetThreadLocalConfigOption(key, value);
        }
        GdalDatasetHandle handle;
        try
        {
            handle = GdalNative.GDALOpenEx(path, kind | GdalNative.OfReadOnly | GdalNative.OfVerboseError, 0, 0, 0);
        }
        finally
        {
            foreach (var (key, _) in config ?? [])
            {
                GdalNative.CPLSetThreadLocalConfigOption(key, null);
            }
        }
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
