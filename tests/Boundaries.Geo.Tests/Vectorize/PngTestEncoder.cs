using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Boundaries.Geo.Tests.Vectorize;

/// <summary>A small PNG writer for tests: grey or palette images of bit depth 1–16, cycling the five row filters.</summary>
internal static class PngTestEncoder
{
    public static byte[] Encode(int width, int height, long[] values, int depth, bool palette)
    {
        var stride = (width * depth + 7) / 8;
        var bpp = Math.Max(1, depth / 8);
        var raw = new byte[height * (stride + 1)];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var row = new byte[stride];
            for (var x = 0; x < width; x++)
            {
                var v = values[y * width + x];
                if (depth < 8)
                {
                    var bit = x * depth;
                    row[bit >> 3] |= (byte)(v << (8 - depth - (bit & 7)));
                }
                else if (depth == 8)
                {
                    row[x] = (byte)v;
                }
                else
                {
                    BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(2 * x), (ushort)v);
                }
            }
            var filter = (byte)(y % 5);
            raw[y * (stride + 1)] = filter;
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    _ => Paeth(a, b, c),
                };
                raw[y * (stride + 1) + 1 + i] = (byte)(row[i] - predicted);
            }
            previous = row;
        }
        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)depth;
        header[9] = (byte)(palette ? 3 : 0);
        Chunk(png, "IHDR", header);
        if (palette)
        {
            var entries = 1 << Math.Min(depth, 8);
            var plte = new byte[3 * entries];
            for (var i = 0; i < entries; i++)
            {
                (plte[3 * i], plte[3 * i + 1], plte[3 * i + 2]) = ((byte)(i * 37), (byte)(i * 91), (byte)(255 - i));
            }
            Chunk(png, "PLTE", plte);
        }
        using (var data = new MemoryStream())
        {
            using (var z = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(raw);
            }
            // two IDAT chunks, as encoders split large images
            var all = data.ToArray();
            Chunk(png, "IDAT", all[..(all.Length / 2)]);
            Chunk(png, "IDAT", all[(all.Length / 2)..]);
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var head = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        Encoding.ASCII.GetBytes(type, head.AsSpan(4));
        s.Write(head);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. head.AsSpan(4).ToArray(), .. data]));
        s.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
