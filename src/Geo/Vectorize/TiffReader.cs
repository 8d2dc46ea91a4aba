using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// A minimal baseline TIFF reader for GeoTIFF label maps: the first image, one sample per pixel of 8, 16 or 32 bit
/// integers (signed or unsigned), in strips, uncompressed (1), LZW (5) or Deflate (8, 32946), with predictor 1 or 2
/// (horizontal differencing). The GeoTIFF tags give the placement (ModelPixelScale + ModelTiepoint, or
/// ModelTransformation) and the EPSG code (GeoKeyDirectory: ProjectedCSType 3072 or GeographicType 2048);
/// GDAL_NODATA (42113) the no-data value.
/// </summary>
internal static class TiffReader
{
    public static LabelRaster Read(byte[] file, string path)
    {
        var tags = TiffTags.Parse(file, path);
        if (tags.Has(322))
        {
            throw new BoundariesFormatException("tiled TIFF is not supported; write the label map in strips (gdal_translate -co TILED=NO)", path, field: "TileWidth");
        }
        var width = (int)tags.Long(256);
        var height = (int)tags.Long(257);
        var bits = (int)tags.Long(258, 1);
        var samples = (int)tags.Long(277, 1);
        var compression = (int)tags.Long(259, 1);
        var predictor = (int)tags.Long(317, 1);
        var format = (int)tags.Long(339, 1);
        if (samples != 1 || bits is not (8 or 16 or 32) || format is not (1 or 2))
        {
            throw new BoundariesFormatException($"a label map has one integer sample per pixel of 8, 16 or 32 bits; this TIFF has {samples} samples of {bits} bits, sample format {format}", path, field: "BitsPerSample");
        }
        if (compression is not (1 or 5 or 8 or 32946) || predictor is not (1 or 2))
        {
            throw new BoundariesFormatException($"TIFF compression {compression} with predictor {predictor} is not supported (use none, LZW or Deflate, predictor 1 or 2)", path, field: "Compression");
        }
        var bytesPer = bits / 8;
        var rowsPerStrip = (int)Math.Min(tags.Long(278, height), height);
        var offsets = tags.Longs(273);
        var counts = tags.Longs(279);
        var rowBytes = width * bytesPer;
        var values = new long[(long)width * height];
        for (var s = 0; s < offsets.Length; s++)
        {
            var firstRow = s * rowsPerStrip;
            if (firstRow >= height)
            {
                break;
            }
            var rows = Math.Min(rowsPerStrip, height - firstRow);
            if (offsets[s] + counts[s] > file.Length)
            {
                throw new BoundariesFormatException($"strip {s} runs past the end of the file", path, field: "StripOffsets");
            }
            var stored = file.AsSpan((int)offsets[s], (int)counts[s]);
            var strip = compression switch
            {
                1 => stored.ToArray(),
                5 => LzwDecoder.Decode(stored, rows * rowBytes),
                _ => Inflate(stored, path, s),
            };
            if (strip.Length < rows * rowBytes)
            {
                throw new BoundariesFormatException($"strip {s} holds {strip.Length} bytes, {rows * rowBytes} expected", path, field: "StripByteCounts");
            }
            for (var r = 0; r < rows; r++)
            {
                var row = strip.AsSpan(r * rowBytes, rowBytes);
                long previous = 0;
                for (var x = 0; x < width; x++)
                {
                    var raw = Sample(row[(x * bytesPer)..], bytesPer, tags.LittleEndian);
                    if (predictor == 2)
                    {
                        raw = (previous + raw) & ((1L << bits) - 1);
                        previous = raw;
                    }
                    values[(long)(firstRow + r) * width + x] = format == 2 ? SignExtend(raw, bits) : raw;
                }
            }
        }
        long? noData = tags.Ascii(42113) is { } nd && long.TryParse(nd.Trim('\0', ' '), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
        return new LabelRaster(width, height, [.. values], GeoTransform(tags, path), Crs(tags), noData);
    }

    private static byte[] Inflate(ReadOnlySpan<byte> stored, string path, int strip)
    {
        using var input = new MemoryStream(stored.ToArray());
        using var z = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            z.CopyTo(output);
        }
        catch (InvalidDataException e)
        {
            throw new BoundariesFormatException($"strip {strip}: corrupt Deflate data: {e.Message}", path, field: "StripOffsets", inner: e);
        }
        return output.ToArray();
    }

    private static long Sample(ReadOnlySpan<byte> at, int bytes, bool little) => bytes switch
    {
        1 => at[0],
        2 => little ? BinaryPrimitives.ReadUInt16LittleEndian(at) : BinaryPrimitives.ReadUInt16BigEndian(at),
        _ => little ? BinaryPrimitives.ReadUInt32LittleEndian(at) : BinaryPrimitives.ReadUInt32BigEndian(at),
    };

    private static long SignExtend(long raw, int bits) => (raw & (1L << (bits - 1))) != 0 ? raw - (1L << bits) : raw;

    private static RasterGeoTransform GeoTransform(TiffTags tags, string path)
    {
        RasterGeoTransform transform;
        if (tags.Has(34264))
        {
            var m = tags.Doubles(34264);
            transform = new RasterGeoTransform(m[3], m[0], m[1], m[7], m[4], m[5]);
        }
        else if (tags.Has(33550) && tags.Has(33922))
        {
            var scale = tags.Doubles(33550);
            var tie = tags.Doubles(33922);
            transform = new RasterGeoTransform(tie[3] - tie[0] * scale[0], scale[0], 0, tie[4] + tie[1] * scale[1], 0, -scale[1]);
        }
        else
        {
            throw new BoundariesFormatException("no GeoTIFF placement: neither ModelPixelScale + ModelTiepoint nor ModelTransformation", path, field: "ModelTiepoint");
        }
        // PixelIsPoint: the tie point is a pixel centre, so the corner lies half a pixel up and left (as GDAL reads it)
        if (GeoKey(tags, 1025) == 2)
        {
            var (x, y) = transform.Apply(-0.5, -0.5);
            transform = transform with { OriginX = x, OriginY = y };
        }
        return transform;
    }

    private static CrsCode? Crs(TiffTags tags)
    {
        var epsg = GeoKey(tags, 3072) ?? GeoKey(tags, 2048);
        return epsg is { } e && CrsCode.TryFromEpsg(e, out var code) ? code : null;
    }

    private static int? GeoKey(TiffTags tags, int key)
    {
        if (!tags.Has(34735))
        {
            return null;
        }
        var d = tags.Longs(34735);
        for (var i = 4; i + 3 < d.Length && i < 4 + 4 * d[3]; i += 4)
        {
            if (d[i] == key && d[i + 1] == 0)
            {
                return (int)d[i + 3];
            }
        }
        return null;
    }
}
