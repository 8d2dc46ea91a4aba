using System.Buffers.Binary;
using Boundaries.Geo.Formats;

namespace Boundaries.Geo.Vectorize;

/// <summary>The tags of a classic TIFF's first image file directory, with their values decoded.</summary>
internal sealed class TiffTags
{
    private readonly Dictionary<int, (int Type, long Count, long Offset)> _entries = [];
    private readonly byte[] _file;
    private readonly string _path;

    private TiffTags(byte[] file, string path, bool little)
    {
        _file = file;
        _path = path;
        LittleEndian = little;
    }

    public bool LittleEndian { get; }

    public static TiffTags Parse(byte[] file, string path)
    {
        if (file.Length < 8 || !((file[0] == 'I' && file[1] == 'I') || (file[0] == 'M' && file[1] == 'M')))
        {
            throw new BoundariesFormatException("not a TIFF file (no II/MM byte-order mark)", path);
        }
        var tags = new TiffTags(file, path, file[0] == 'I');
        if (tags.U16(2) == 43)
        {
            throw new BoundariesFormatException("BigTIFF is not supported; write a classic TIFF (gdal_translate -co BIGTIFF=NO)", path);
        }
        if (tags.U16(2) != 42)
        {
            throw new BoundariesFormatException("not a TIFF file (magic number is not 42)", path);
        }
        var ifd = tags.U32(4);
        var count = tags.U16(ifd);
        for (var i = 0; i < count; i++)
        {
            var at = ifd + 2 + 12 * i;
            var type = tags.U16(at + 2);
            var n = tags.U32(at + 4);
            var size = TypeSize(type) * n;
            tags._entries[tags.U16(at)] = (type, n, size <= 4 ? at + 8 : tags.U32(at + 8));
        }
        return tags;
    }

    public bool Has(int tag) => _entries.ContainsKey(tag);

    public long Long(int tag, long? fallback = null)
    {
        if (!_entries.ContainsKey(tag))
        {
            return fallback ?? throw new BoundariesFormatException($"required TIFF tag {tag} is missing", _path, field: tag.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return Longs(tag)[0];
    }

    public long[] Longs(int tag)
    {
        var (type, count, offset) = _entries.TryGetValue(tag, out var e) ? e : throw new BoundariesFormatException($"required TIFF tag {tag} is missing", _path, field: tag.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = type switch
            {
                1 or 7 => _file[offset + i],
                3 => U16(offset + 2 * i),
                4 => U32(offset + 4 * i),
                _ => throw new BoundariesFormatException($"TIFF tag {tag} has type {type}, an integer type was expected", _path),
            };
        }
        return values;
    }

    public double[] Doubles(int tag)
    {
        var (type, count, offset) = _entries[tag];
        if (type != 12)
        {
            throw new BoundariesFormatException($"TIFF tag {tag} has type {type}, DOUBLE (12) was expected", _path);
        }
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var bits = LittleEndian ? BinaryPrimitives.ReadInt64LittleEndian(Bytes(offset + 8 * i, 8)) : BinaryPrimitives.ReadInt64BigEndian(Bytes(offset + 8 * i, 8));
            values[i] = BitConverter.Int64BitsToDouble(bits);
        }
        return values;
    }

    public string? Ascii(int tag) =>
        _entries.TryGetValue(tag, out var e) && e.Type == 2 ? System.Text.Encoding.ASCII.GetString(Bytes(e.Offset, (int)e.Count)) : null;

    private static long TypeSize(int type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 => 4,
        _ => 8,
    };

    private ReadOnlySpan<byte> Bytes(long offset, int count)
    {
        if (offset < 0 || offset + count > _file.Length)
        {
            throw new BoundariesFormatException($"truncated TIFF: a value at byte {offset} runs past the end", _path);
        }
        return _file.AsSpan((int)offset, count);
    }

    private int U16(long at) => LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(Bytes(at, 2)) : BinaryPrimitives.ReadUInt16BigEndian(Bytes(at, 2));

    private long U32(long at) => LittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(Bytes(at, 4)) : BinaryPrimitives.ReadUInt32BigEndian(Bytes(at, 4));
}
