using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Vectorize;

namespace Boundaries.Geo.Gdal;

/// <summary>
/// Reads a label map through GDAL for what the built-in TIFF and PNG readers refuse (tiled or BigTIFF GeoTIFF,
/// float samples, JPEG/ZSTD/… compression, other raster formats): band 1 block by block, or three bands as
/// <c>R·65536 + G·256 + B</c> as a PNG's RGB pixel. Every value must be a whole number (a float label map holds codes
/// as floats); the no-data value and the geotransform are GDAL's.
/// </summary>
internal static class GdalLabelRasterReader
{
    /// <exception cref="BoundariesFormatException">
    /// GDAL cannot read it, it is not placed (no geotransform), a value is not a whole number, or its coordinate
    /// system is one the toolkit does not support and <paramref name="crs"/> is null.
    /// </exception>
    public static LabelRaster Read(string path, CrsCode? crs)
    {
        using var raster = GdalRasterDataset.Open(path);
        var t = raster.GeoTransform
            ?? throw new BoundariesFormatException("the label map is not georeferenced (no geotransform); add one (gdal_translate -a_ullr … -a_srs …)", path);
        if (crs is null && raster.Crs is null && raster.CrsDescription is { } unsupported)
        {
            throw new BoundariesFormatException($"the label map is in {unsupported}, which the toolkit does not support; give the system with --from", path, field: "crs");
        }
        if (raster.BandCount is not (1 or 3 or 4))
        {
            throw new BoundariesFormatException($"a label map has one band (or three, RGB); this one has {raster.BandCount}", path);
        }
        var bands = raster.BandCount == 1 ? 1 : 3;
        var values = new long[checked(raster.Width * raster.Height)];
        for (var b = 1; b <= bands; b++)
        {
            var band = raster.Band(b);
            var shift = bands == 1 ? 0 : 8 * (3 - b);
            foreach (var block in band.Blocks())
            {
                for (var row = 0; row < block.Height; row++)
                {
                    for (var column = 0; column < block.Width; column++)
                    {
                        var v = block[column, row];
                        if (v != Math.Floor(v) || Math.Abs(v) > 9e15)
                        {
                            var at = $"column {block.Column + column}, row {block.Row + row}";
                            throw new BoundariesFormatException($"the value {v.ToString(CultureInfo.InvariantCulture)} at {at} is not a whole number; a label map holds division numbers", path, field: $"band {b}");
                        }
                        values[((block.Row + row) * raster.Width) + block.Column + column] |= (long)v << shift;
                    }
                }
            }
        }
        long? noData = bands == 1 && raster.Band(1).NoData is { } n && n == Math.Floor(n) ? (long)n : null;
        var transform = new RasterGeoTransform(t.OriginX, t.PixelWidth, t.RowRotation, t.OriginY, t.ColumnRotation, t.PixelHeight);
        return new LabelRaster(raster.Width, raster.Height, [.. values], transform, crs ?? raster.Crs, noData);
    }
}
