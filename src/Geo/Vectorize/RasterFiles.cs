using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Reads label maps: a GeoTIFF (<c>.tif</c>, <c>.tiff</c>; see the supported subset on <see cref="Read"/>) or a PNG
/// with a world file beside it (<c>.pgw</c>, <c>.pngw</c> or <c>.wld</c>: six lines A, D, B, E, C, F) and optionally a
/// <c>.prj</c> naming its coordinate system. What the built-in readers refuse (a tiled or BigTIFF GeoTIFF, float
/// samples, other compressions) and other raster formats GDAL reads (<c>.img</c>, <c>.vrt</c>, <c>.asc</c> …) are read
/// through the GDAL bridge when libgdal is installed.
/// </summary>
public static class RasterFiles
{
    /// <summary>
    /// Reads the label map at <paramref name="path"/>. GeoTIFF: the first image, one 8/16/32-bit integer sample per
    /// pixel, in strips, uncompressed, LZW or Deflate, predictor 1 or 2; placement from ModelPixelScale + ModelTiepoint
    /// or ModelTransformation, the EPSG code from the GeoKeyDirectory, no-data from GDAL_NODATA. PNG: grey, RGB or
    /// palette, bit depth 1–16, not interlaced.
    /// </summary>
    /// <param name="path">The file; the extension picks the format.</param>
    /// <param name="crs">The coordinate system when the file states none, or to override it; <c>null</c> = the file's.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The extension is neither PNG nor TIFF and there is no such file.</exception>
    /// <exception cref="BoundariesFormatException">The file is not a readable label map, or a PNG's world file is missing or bad.</exception>
    public static LabelRaster Read(string path, CrsCode? crs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".tif" or ".tiff") && File.Exists(path))
        {
            return Gdal.GdalLabelRasterReader.Read(path, crs);
        }
        if (ext is not (".png" or ".tif" or ".tiff"))
        {
            throw new ArgumentException($"{path}: unknown label map extension '{ext}'; use .tif, .tiff or .png (with a world file)", nameof(path));
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        var bytes = File.ReadAllBytes(path);
        if (ext != ".png")
        {
            LabelRaster tiff;
            try
            {
                tiff = TiffReader.Read(bytes, path);
            }
            catch (BoundariesFormatException refused) when (Gdal.GdalLibrary.IsAvailable)
            {
                // tiled, BigTIFF, float or otherwise compressed: GDAL reads it, or says why not
                try
                {
                    return Gdal.GdalLabelRasterReader.Read(path, crs);
                }
                catch (BoundariesFormatException gdal)
                {
                    throw new BoundariesFormatException($"{refused.Reason}; GDAL cannot read it either: {gdal.Reason}", path, field: gdal.Field ?? refused.Field, inner: gdal);
                }
            }
            return crs is null ? tiff : tiff with { Crs = crs };
        }
        var (width, height, values) = PngDecoder.Decode(bytes, path);
        return new LabelRaster(width, height, [.. values], ReadWorldFile(path), crs ?? PrjCrs(path), null);
    }

    private static RasterGeoTransform ReadWorldFile(string path)
    {
        var world = new[] { ".pgw", ".pngw", ".wld" }.Select(e => Path.ChangeExtension(path, e)).FirstOrDefault(File.Exists)
            ?? throw new BoundariesFormatException($"no world file beside the PNG ({Path.GetFileNameWithoutExtension(path)}.pgw or .wld); a PNG label map needs one to be placed", path);
        var lines = File.ReadAllLines(world).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 6)
        {
            throw new BoundariesFormatException($"a world file has 6 lines (A, D, B, E, C, F); this one has {lines.Length}", world);
        }
        var v = new double[6];
        for (var i = 0; i < 6; i++)
        {
            if (!double.TryParse(lines[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]))
            {
                throw new BoundariesFormatException($"'{lines[i]}' is not a number", world, i + 1);
            }
        }
        return RasterGeoTransform.FromWorldFile(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static CrsCode? PrjCrs(string path)
    {
        var prj = Path.ChangeExtension(path, ".prj");
        if (!File.Exists(prj))
        {
            return null;
        }
        return PrjCrsMatcher.Match(File.ReadAllText(prj))
            ?? throw new BoundariesFormatException("unknown coordinate system; give it with --from (EPSG:4490, 4326, 3857, 4513–4554)", prj);
    }
}
