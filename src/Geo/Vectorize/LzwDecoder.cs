namespace Boundaries.Geo.Vectorize;

/// <summary>
/// The LZW variant of TIFF 6.0 (section 13): codes most significant bit first, 9 to 12 bits, Clear = 256,
/// EndOfInformation = 257, and the code width growing one code early (at 511, 1023, 2047).
/// </summary>
internal static class LzwDecoder
{
    public static byte[] Decode(ReadOnlySpan<byte> input, int expectedBytes)
    {
        var output = new List<byte>(expectedBytes);
        var prefix = new int[4096];
        var suffix = new byte[4096];
        var first = new byte[4096];
        var length = new int[4096];
        for (var i = 0; i < 256; i++)
        {
            (prefix[i], suffix[i], first[i], length[i]) = (-1, (byte)i, (byte)i, 1);
        }
        var next = 258;
        var width = 9;
        var previous = -1;
        long bitPos = 0;
        var buffer = new byte[4096];
        while (bitPos + width <= (long)input.Length * 8)
        {
            var code = 0;
            for (var b = 0; b < width; b++, bitPos++)
            {
                code = (code << 1) | ((input[(int)(bitPos >> 3)] >> (7 - (int)(bitPos & 7))) & 1);
            }
            if (code == 257)
            {
                break;
            }
            if (code == 256)
            {
                (next, width, previous) = (258, 9, -1);
                continue;
            }
            if (previous < 0)
            {
                output.Add((byte)code);
                previous = code;
                continue;
            }
            int emit;
            if (code < next)
            {
                emit = code;
                if (next < 4096)
                {
                    Add(previous, first[code]);
                }
            }
            else
            {
                // KwKwK: the code being defined now is the previous string plus its own first byte
                if (next < 4096)
                {
                    Add(previous, first[previous]);
                }
                emit = next - 1;
            }
            var n = length[emit];
            for (int c = emit, i = n - 1; c >= 0; c = prefix[c], i--)
            {
                buffer[i] = suffix[c];
            }
            output.AddRange(buffer.AsSpan(0, n));
            previous = code;
            if (next + 1 >= (1 << width) && width < 12)
            {
                width++;
            }
        }
        return [.. output];

        void Add(int p, byte s)
        {
            (prefix[next], suffix[next], first[next], length[next]) = (p, s, first[p], length[p] + 1);
            next++;
        }
    }
}
