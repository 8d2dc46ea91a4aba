using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Boundaries.Geo.Tests.Vectorize;

/// <summary>
/// A small GeoTIFF writer for tests: one uncompressed strip of 16-bit unsigned samples, little-endian, with
/// ModelPixelScale, ModelTiepoint, a GeoKeyDirectory naming a projected EPSG code (PixelIsArea) and GDAL_NODATA.
/// </summary>
internal static class TiffTestWriter
{
    public static void Write(string path, int width, int height, long[] values, double originX, double originY, double pixel, int epsg, long? noData)
    {
        var image = new byte[width * height * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(2 * i), (ushort)values[i]);
        }
        var entries = new List<(ushort Tag, ushort Type, uint Count, byte[] Data)>
        {
            (256, 4, 1, U32(width)),
            (257, 4, 1, U32(height)),
            (258, 3, 1, U16(16)),
            (259, 3, 1, U16(1)),
            (262, 3, 1, U16(1)),
            (273, 4, 1, U32(0)), // patched below
            (277, 3, 1, U16(1)),
            (278, 4, 1, U32(height)),
            (279, 4, 1, U32(image.Length)),
            (284, 3, 1, U16(1)),
            (339, 3, 1, U16(1)),
            (33550, 12, 3, Doubles(pixel, pixel, 0)),
            (33922, 12, 6, Doubles(0, 0, 0, originX, originY, 0)),
            // GeoKeyDirectory: version 1.1.0, 3 keys: GTModelType = projected, GTRasterType = PixelIsArea, ProjectedCSType = epsg
            (34735, 3, 16, Shorts(1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, (ushort)epsg)),
        };
        if (noData is { } nd)
        {
            var text = Encoding.ASCII.GetBytes(nd.ToString(CultureInfo.InvariantCulture) + "\0");
            entries.Add((42113, 2, (uint)text.Length, text));
        }
        using var file = new MemoryStream();
        var ifdSize = 2 + 12 * entries.Count + 4;
        var extra = 8 + ifdSize;
        var extraData = new MemoryStream();
        var fixedEntries = new List<byte[]>();
        foreach (var (tag, type, count, data) in entries)
        {
            var entry = new byte[12];
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), count);
            if (data.Length <= 4)
            {
                data.CopyTo(entry, 8);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), (uint)(extra + extraData.Length));
                extraData.Write(data);
                if (extraData.Length % 2 == 1)
                {
                    extraData.WriteByte(0);
                }
            }
            fixedEntries.Add(entry);
        }
        var imageOffset = (uint)(extra + extraData.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(fixedEntries[5].AsSpan(8), imageOffset);
        file.Write("II"u8);
        file.Write(U16(42));
        file.Write(U32(8));
        file.Write(U16(entries.Count));
        foreach (var e in fixedEntries)
        {
            file.Write(e);
        }
        file.Write(U32(0));
        file.Write(extraData.ToArray());
        file.Write(image);
        File.WriteAllBytes(path, file.ToArray());
    }

    private static byte[] U16(int v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
        return b;
    }

    private static byte[] U32(int v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v);
        return b;
    }

    private static byte[] Shorts(params ushort[] v) => [.. v.SelectMany(x => U16(x))];

    private static byte[] Doubles(params double[] v) => [.. v.SelectMany(x => BitConverter.GetBytes(x))];
}
