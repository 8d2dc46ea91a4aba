using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// A raster opened read-only through libgdal (GeoTIFF and the other formats GDAL 3.6 reads): size, georeferencing,
/// coordinate system and bands. Not thread-safe. Dispose to close the file.
/// </summary>
public sealed class GdalRasterDataset : IDisposable
{
    private readonly GdalDatasetHandle handle;

    private unsafe GdalRasterDataset(string path, GdalDatasetHandle handle, string driver)
    {
        Path = path;
        this.handle = handle;
        Driver = driver;
        Width = GdalNative.GDALGetRasterXSize(handle);
        Height = GdalNative.GDALGetRasterYSize(handle);
        BandCount = GdalNative.GDALGetRasterCount(handle);
        var t = stackalloc double[6];
        if (GdalNative.GDALGetGeoTransform(handle, t) == 0)
        {
            GeoTransform = new GdalGeoTransform(t[0], t[1], t[2], t[3], t[4], t[5]);
        }
        var crs = GdalCrs.Identify(GdalNative.GDALGetSpatialRef(handle));
        Crs = crs?.Code;
        CrsDescription = crs?.Description;
    }

    /// <summary>The file opened.</summary>
    public string Path { get; }

    /// <summary>GDAL's short driver name, e.g. <c>GTiff</c>.</summary>
    public string Driver { get; }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Number of bands (numbered 1 … BandCount).</summary>
    public int BandCount { get; }

    /// <summary>The affine georeferencing; <c>null</c> when the raster has none.</summary>
    public GdalGeoTransform? GeoTransform { get; }

    /// <summary>The coordinate system; <c>null</c> when none is stated or it is one the toolkit does not support (see <see cref="CrsDescription"/>).</summary>
    public CrsCode? Crs { get; }

    /// <summary>GDAL's name of the stated system with its EPSG code when known; <c>null</c> when none is stated.</summary>
    public string? CrsDescription { get; }

    /// <summary>Opens <paramref name="path"/> as a raster.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="GdalUnavailableException">libgdal cannot be loaded (install Debian libgdal32).</exception>
    /// <exception cref="BoundariesFormatException">GDAL cannot open it as a raster; the message is GDAL's.</exception>
    public static GdalRasterDataset Open(string path)
    {
        var (handle, driver) = GdalOpener.Open(path, raster: true);
        try
        {
            return new GdalRasterDataset(path, handle, driver);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Band <paramref name="number"/> (1-based, as in GDAL).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such band.</exception>
    public GdalRasterBand Band(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, BandCount);
        ThrowIfDisposed();
        return new GdalRasterBand(this, GdalNative.GDALGetRasterBand(handle, number), number);
    }

    /// <summary>Closes the raster; its bands become unusable.</summary>
    public void Dispose() => handle.Dispose();

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(handle.IsClosed, this);
}
