using System.Buffers.Binary;
using System.IO.Compression;
using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// A minimal PNG decoder for label maps: non-interlaced grayscale (colour type 0), RGB (2) and palette (3) images of
/// bit depth 1, 2, 4, 8 or 16, with the five row filters of the PNG specification (ISO/IEC 15948). A grey or palette
/// pixel's value is its sample (the palette index, not its colour); an RGB pixel's value is R·2^2d + G·2^d + B.
/// </summary>
internal static class PngDecoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public static (int Width, int Height, long[] Values) Decode(byte[] file, string path)
    {
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new BoundariesFormatException("not a PNG file (no PNG signature)", path);
        }
        int width = 0, height = 0, depth = 0, colour = -1;
        using var idat = new MemoryStream();
        var at = 8;
        var ended = false;
        while (!ended)
        {
            if (at + 8 > file.Length)
            {
                throw new BoundariesFormatException("truncated PNG: no IEND chunk", path);
            }
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            if (length < 0 || at + 12 + (long)length > file.Length)
            {
                throw new BoundariesFormatException($"truncated PNG: chunk {type} runs past the end", path);
            }
            var data = file.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    (depth, colour) = (data[8], data[9]);
                    if (data[12] != 0)
                    {
                        throw new BoundariesFormatException("interlaced (Adam7) PNG is not supported; save the label map without interlacing", path, field: "IHDR");
                    }
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }
            at += 12 + length;
        }
        var channels = colour switch
        {
            0 or 3 => 1,
            2 => 3,
            _ => throw new BoundariesFormatException($"PNG colour type {colour} is not supported; a label map is grey (0), RGB (2) or palette (3)", path, field: "IHDR"),
        };
        if (depth is not (1 or 2 or 4 or 8 or 16) || (channels == 3 && depth < 8) || (colour == 3 && depth == 16) || width <= 0 || height <= 0)
        {
            throw new BoundariesFormatException($"bad PNG header: {width}×{height}, colour type {colour}, bit depth {depth}", path, field: "IHDR");
        }
        var bitsPerPixel = channels * depth;
        var stride = (int)(((long)width * bitsPerPixel + 7) / 8);
        var bpp = Math.Max(1, bitsPerPixel / 8);
        var raw = new byte[(long)height * (stride + 1)];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            try
            {
                z.ReadExactly(raw);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                throw new BoundariesFormatException($"PNG image data is corrupt or short: {e.Message}", path, field: "IDAT", inner: e);
            }
        }
        var values = new long[(long)width * height];
        var previous = new byte[stride];
        var row = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var offset = y * (stride + 1);
            var filter = raw[offset];
            raw.AsSpan(offset + 1, stride).CopyTo(row);
            Unfilter(filter, row, previous, bpp, path, y);
            for (var x = 0; x < width; x++)
            {
                values[(long)y * width + x] = Pixel(row, x, depth, channels);
            }
            (previous, row) = (row, previous);
        }
        return (width, height, values);
    }

    private static void Unfilter(byte filter, byte[] row, byte[] previous, int bpp, string path, int y)
    {
        switch (filter)
        {
            case 0:
                return;
            case 1:
                for (var i = bpp; i < row.Length; i++)
                {
                    row[i] += row[i - bpp];
                }
                return;
            case 2:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }
                return;
            case 3:
                for (var i = 0; i < row.Length; i++)
                {
                    var left = i >= bpp ? row[i - bpp] : 0;
                    row[i] += (byte)((left + previous[i]) >> 1);
                }
                return;
            case 4:
                for (var i = 0; i < row.Length; i++)
                {
                    int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    row[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
                return;
            default:
                throw new BoundariesFormatException($"unknown PNG row filter {filter}", path, y + 1, field: "IDAT");
        }
    }

    private static long Pixel(byte[] row, int x, int depth, int channels)
    {
        if (depth < 8)
        {
            var bit = x * depth;
            var shift = 8 - depth - (bit & 7);
            return (row[bit >> 3] >> shift) & ((1 << depth) - 1);
        }
        var bytes = depth / 8;
        long value = 0;
        for (var c = 0; c < channels; c++)
        {
            var i = (x * channels + c) * bytes;
            var sample = bytes == 1 ? row[i] : (row[i] << 8) | row[i + 1];
            value = (value << depth) | (long)sample;
        }
        return value;
    }
}
