using System.Globalization;
using System.Text;

namespace Boundaries.Survey.Nmea;

/// <summary>
/// Writes a synthetic NMEA log for tests and benchmarks: a receiver walking east-north-east near Tianjin at 10 Hz,
/// each epoch GGA, RMC, GSA and GST (4 lines) with valid checksums, RTK fixed with a float stretch every 1000
/// epochs. Deterministic for a seed. Starts on 2024-05-31 at 20:00:00 UTC, so a long log crosses midnight.
/// </summary>
internal static class NmeaLogGenerator
{
    public static readonly DateTime Start = new(2024, 5, 31, 20, 0, 0, DateTimeKind.Utc);

    public static byte[] Generate(int lines, int seed = 1)
    {
        using var memory = new MemoryStream(lines * 80);
        Write(memory, lines, seed);
        return memory.ToArray();
    }

    public static void Write(Stream output, int lines, int seed = 1)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        var inv = CultureInfo.InvariantCulture;
        var lat = 39.1;
        var lon = 117.2;
        var sb = new StringBuilder(100);
        for (var epoch = 0; epoch * 4 < lines; epoch++)
        {
            var t = Start.AddTicks(epoch * TimeSpan.TicksPerSecond / 10);
            lat += 0.0000001 + random.NextDouble() * 1e-8;
            lon += 0.0000002 + random.NextDouble() * 1e-8;
            var fixedRtk = epoch % 1000 < 950;
            var time = t.ToString("HHmmss.ff", inv);
            var latText = Ddmm(lat, 2) + ",N";
            var lonText = Ddmm(lon, 3) + ",E";
            var sigma = fixedRtk ? 0.008 + random.NextDouble() * 0.01 : 0.12 + random.NextDouble() * 0.2;
            string[] sentences =
            [
                string.Create(inv, $"GNGGA,{time},{latText},{lonText},{(fixedRtk ? 4 : 5)},{18 + random.Next(8)},{0.6 + random.NextDouble():0.0},{3.5 + random.NextDouble():0.000},M,-7.912,M,1.0,0001"),
                string.Create(inv, $"GNRMC,{time},A,{latText},{lonText},{0.9 + random.NextDouble() * 0.2:0.000},{62 + random.NextDouble():0.00},{t:ddMMyy},,,{(fixedRtk ? 'R' : 'F')},V"),
                string.Create(inv, $"GNGSA,A,3,02,05,07,09,13,15,18,20,23,27,29,30,1.2,{0.6 + random.NextDouble():0.0},1.0,1"),
                string.Create(inv, $"GNGST,{time},0.5,{sigma * 1.2:0.000},{sigma * 0.8:0.000},45.0,{sigma:0.000},{sigma * 0.9:0.000},{sigma * 2:0.000}"),
            ];
            foreach (var s in sentences)
            {
                if (epoch * 4 + Array.IndexOf(sentences, s) >= lines)
                {
                    break;
                }
                var sum = 0;
                foreach (var c in s)
                {
                    sum ^= c;
                }
                sb.Clear().Append('$').Append(s).Append('*').Append(sum.ToString("X2", inv));
                writer.WriteLine(sb);
            }
        }
    }

    private static string Ddmm(double degrees, int degreeDigits)
    {
        var whole = (int)degrees;
        var minutes = (degrees - whole) * 60;
        return whole.ToString(new string('0', degreeDigits), CultureInfo.InvariantCulture) + minutes.ToString("00.00000000", CultureInfo.InvariantCulture);
    }
}
