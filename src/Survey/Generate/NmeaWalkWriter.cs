using System.Globalization;
using System.Text;
using Boundaries.Survey.Compare;

namespace Boundaries.Survey.Generate;

/// <summary>
/// Writes the NMEA log of walks along lines: per second one GGA, RMC and GST with valid checksums; noise per quality
/// (RTK fixed σ 1.5 cm, float σ 0.2 m, DGPS σ 0.7 m per axis); no-fix epochs as empty GGA (quality 0) and RMC status V.
/// Five minutes pass between two walks.
/// </summary>
internal sealed class NmeaWalkWriter(MetricLines metric, Random random, DateTime start)
{
    private readonly StringBuilder text = new();
    private readonly StringBuilder sentence = new(120);
    private DateTime time = start;

    public string Text => text.ToString();

    public void Walk(int line, IEnumerable<WalkSegment> segments, double speed)
    {
        foreach (var segment in segments)
        {
            var length = segment.To - segment.From;
            var steps = Math.Max(1, (int)Math.Ceiling(length / speed));
            var backwards = random.NextDouble() < 0.5;
            for (var k = 0; k <= steps; k++)
            {
                var s = backwards ? segment.To - length * k / steps : segment.From + length * k / steps;
                var quality = segment.Stretches.FirstOrDefault(x => s >= x.From && s <= x.To)?.Quality ?? WalkQuality.Fixed;
                Epoch(line, s, quality, speed, backwards);
                time = time.AddSeconds(1);
            }
            time = time.AddMinutes(5);
        }
    }

    private void Epoch(int line, double along, WalkQuality quality, double speed, bool backwards)
    {
        var inv = CultureInfo.InvariantCulture;
        var hms = time.ToString("HHmmss.00", inv);
        var date = time.ToString("ddMMyy", inv);
        if (quality == WalkQuality.NoFix)
        {
            Emit(string.Create(inv, $"GNGGA,{hms},,,,,0,00,99.9,,M,,M,,"));
            Emit(string.Create(inv, $"GNRMC,{hms},V,,,,,,,{date},,,N,V"));
            return;
        }
        var sigma = quality switch { WalkQuality.Fixed => 0.015, WalkQuality.Float => 0.2, _ => 0.7 };
        var (e, n, dx, dy) = metric.PointAt(line, along);
        e += SurveyGenerator.Gauss(random) * sigma;
        n += SurveyGenerator.Gauss(random) * sigma;
        var (lon, lat) = metric.ToLonLat.Transform(e, n);
        var gga = quality switch { WalkQuality.Fixed => 4, WalkQuality.Float => 5, _ => 2 };
        var mode = quality switch { WalkQuality.Fixed => 'R', WalkQuality.Float => 'F', _ => 'D' };
        var course = (Math.Atan2(dx, dy) * 180 / Math.PI + (backwards ? 180 : 0) + 360) % 360;
        var reported = sigma * (0.8 + random.NextDouble() * 0.4);
        var latText = Ddmm(lat, 2) + ",N";
        var lonText = Ddmm(lon, 3) + ",E";
        Emit(string.Create(inv, $"GNGGA,{hms},{latText},{lonText},{gga},{16 + random.Next(10)},{0.6 + random.NextDouble() * 0.6:0.0},{3 + random.NextDouble():0.000},M,-7.912,M,{(gga == 2 ? "3.0" : "1.0")},0001"));
        Emit(string.Create(inv, $"GNRMC,{hms},A,{latText},{lonText},{speed * 1.943844:0.000},{course:0.00},{date},,,{mode},V"));
        Emit(string.Create(inv, $"GNGST,{hms},{reported * 1.3:0.000},{reported * 1.2:0.000},{reported * 0.8:0.000},45.0,{reported:0.000},{reported:0.000},{reported * 2:0.000}"));
    }

    private void Emit(string body)
    {
        var sum = 0;
        foreach (var c in body)
        {
            sum ^= c;
        }
        sentence.Clear().Append('$').Append(body).Append('*').Append(sum.ToString("X2", CultureInfo.InvariantCulture)).Append("\r\n");
        text.Append(sentence);
    }

    private static string Ddmm(double degrees, int degreeDigits)
    {
        var whole = (int)degrees;
        var minutes = (degrees - whole) * 60;
        return whole.ToString(new string('0', degreeDigits), CultureInfo.InvariantCulture) + minutes.ToString("00.00000000", CultureInfo.InvariantCulture);
    }
}
