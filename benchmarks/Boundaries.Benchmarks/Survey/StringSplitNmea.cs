using System.Globalization;
using System.Text;

namespace Boundaries.Benchmarks.Survey;

/// <summary>The baseline: what a first NMEA parser looks like — a string per line and per field.</summary>
internal static class StringSplitNmea
{
    public static int Count(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var fixes = 0;
        double sink = 0;
        while (reader.ReadLine() is { } line)
        {
            var star = line.LastIndexOf('*');
            if (line.Length == 0 || line[0] != '$' || star < 0)
            {
                continue;
            }
            var body = line[1..star];
            var sum = 0;
            foreach (var c in body)
            {
                sum ^= c;
            }
            if (sum != int.Parse(line[(star + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            {
                continue;
            }
            var f = body.Split(',');
            switch (f[0][2..])
            {
                case "GGA":
                    sink += Time(f[1]) + Coord(f[2], f[3]) + Coord(f[4], f[5]) + int.Parse(f[6], CultureInfo.InvariantCulture)
                        + int.Parse(f[7], CultureInfo.InvariantCulture) + D(f[8]) + D(f[9]) + D(f[11]) + D(f[13]);
                    fixes++;
                    break;
                case "RMC":
                    sink += Time(f[1]) + (f[2] == "A" ? 1 : 0) + Coord(f[3], f[4]) + Coord(f[5], f[6]) + D(f[7]) + D(f[8])
                        + DateTime.ParseExact(f[9], "ddMMyy", CultureInfo.InvariantCulture).Day + f[12].Length;
                    break;
                case "GSA":
                    for (var i = 3; i < 15; i++)
                    {
                        sink += f[i].Length == 0 ? 0 : int.Parse(f[i], CultureInfo.InvariantCulture);
                    }
                    sink += D(f[15]) + D(f[16]) + D(f[17]);
                    break;
                case "GST":
                    sink += Time(f[1]) + D(f[2]) + D(f[3]) + D(f[4]) + D(f[5]) + D(f[6]) + D(f[7]) + D(f[8]);
                    break;
            }
        }
        return sink > 0 ? fixes : -fixes;
    }

    private static double D(string s) => s.Length == 0 ? 0 : double.Parse(s, CultureInfo.InvariantCulture);

    private static double Time(string s) => TimeOnly.ParseExact(s, "HHmmss.ff", CultureInfo.InvariantCulture).Ticks;

    private static double Coord(string value, string hemisphere)
    {
        var raw = D(value);
        var degrees = Math.Floor(raw / 100);
        var v = degrees + (raw - degrees * 100) / 60;
        return hemisphere is "S" or "W" ? -v : v;
    }
}
