namespace Boundaries.Survey.Nmea;

/// <summary>
/// Parses NMEA numeric fields straight from ASCII bytes, without strings. A decimal is read as an integer mantissa
/// and a power of ten; for up to 15 significant digits the single division is correctly rounded.
/// </summary>
internal static class NmeaNumber
{
    private static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    ];

    public static bool TryDecimal(ReadOnlySpan<byte> s, out double value)
    {
        value = double.NaN;
        if (s.IsEmpty)
        {
            return false;
        }
        var i = 0;
        var negative = false;
        if (s[0] == (byte)'-' || s[0] == (byte)'+')
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }
        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (digits >= 18)
                {
                    return false;
                }
                mantissa = mantissa * 10 + d;
                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }
        if (digits == 0)
        {
            return false;
        }
        var v = fraction > 0 ? mantissa / Pow10[fraction] : mantissa;
        value = negative ? -v : v;
        return true;
    }

    public static bool TryInt(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 9)
        {
            return false;
        }
        foreach (var c in s)
        {
            var d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }
            value = value * 10 + (int)d;
        }
        return true;
    }

    /// <summary>hhmmss or hhmmss.sss (any number of decimals, kept to 100 ns).</summary>
    public static bool TryTime(ReadOnlySpan<byte> s, out TimeOnly time)
    {
        time = default;
        if (s.Length < 6 || !TryInt(s[..2], out var h) || !TryInt(s[2..4], out var m) || !TryInt(s[4..6], out var sec)
            || h > 23 || m > 59 || sec > 60)
        {
            return false;
        }
        long ticks = 0;
        if (s.Length > 6)
        {
            if (s[6] != (byte)'.')
            {
                return false;
            }
            long scale = TimeSpan.TicksPerSecond;
            for (var i = 7; i < s.Length; i++)
            {
                var d = (uint)(s[i] - '0');
                if (d > 9)
                {
                    return false;
                }
                scale /= 10;
                ticks += d * scale;
            }
        }
        if (sec == 60)
        {
            sec = 59; // a leap second folds onto :59 — TimeOnly has no 60th second
            ticks = TimeSpan.TicksPerSecond - 1;
        }
        time = new TimeOnly(h * TimeSpan.TicksPerHour + m * TimeSpan.TicksPerMinute + sec * TimeSpan.TicksPerSecond + ticks);
        return true;
    }

    /// <summary>(d)ddmm.mmmm plus hemisphere N/S/E/W → signed decimal degrees.</summary>
    public static bool TryCoordinate(ReadOnlySpan<byte> s, ReadOnlySpan<byte> hemisphere, bool latitude, out double degrees)
    {
        degrees = double.NaN;
        if (!TryDecimal(s, out var raw) || raw < 0 || hemisphere.Length != 1)
        {
            return false;
        }
        var whole = Math.Floor(raw / 100);
        var minutes = raw - whole * 100;
        if (minutes >= 60)
        {
            return false;
        }
        var value = whole + minutes / 60;
        switch (hemisphere[0])
        {
            case (byte)'N' when latitude:
            case (byte)'E' when !latitude:
                break;
            case (byte)'S' when latitude:
            case (byte)'W' when !latitude:
                value = -value;
                break;
            default:
                return false;
        }
        if (latitude ? value > 90 : value > 180)
        {
            return false;
        }
        degrees = value;
        return true;
    }

    public static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
