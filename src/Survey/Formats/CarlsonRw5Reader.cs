using System.Globalization;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Formats;

/// <summary>
/// Carlson SurvCE RW5 raw files. SP (stored point) and OC (occupied station) records give coordinates (N, E, EL);
/// LS sets instrument and rod heights; BK sets the backsight; SS/TR side shots and traverse shots, and BD/BR/FD/FR
/// set observations, become <see cref="StationObservation"/>s (angles DDD.MMSSs converted to gon). SS and TR from an
/// oriented station with known coordinates also give a computed point: azimuth = backsight azimuth + AR − BC,
/// horizontal distance = SD·sin ZE, height = station EL + HI + SD·cos ZE − HR. Lines starting with <c>--</c> are notes.
/// </summary>
internal static class CarlsonRw5Reader
{
    public static void ReadInto(Stream stream, SurveyCollector sink)
    {
        using var reader = SurveyText.Open(stream, out _);
        long number = 0;
        var known = new Dictionary<string, (double N, double E, double? Z)>(StringComparer.Ordinal);
        string? station = null;
        double? hi = null, hr = null;
        double? orientation = null; // degrees to add to a circle reading to get an azimuth
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("--", StringComparison.Ordinal))
            {
                sink.Record("--");
                continue;
            }
            var parts = line.Split(',');
            var type = parts[0].Trim();
            if (type.Length != 2 || !type.All(char.IsAsciiLetterUpper))
            {
                sink.Issue(SurveyIssueCode.NotARecord, IssueSeverity.Error, $"'{Cut(line)}' is not an RW5 record", number);
                continue;
            }
            sink.Record(type);
            var f = Fields(parts);
            switch (type)
            {
                case "SP" or "OC":
                    var id = f.GetValueOrDefault(type == "SP" ? "PN" : "OP");
                    if (id is null || !Num(f, "N", out var n) || !Num(f, "E", out var e))
                    {
                        sink.Issue(SurveyIssueCode.MissingField, IssueSeverity.Error, $"{type} without point name, N or E", number);
                        continue;
                    }
                    double? z = Num(f, "EL", out var el) ? el : null;
                    known[id] = (n, e, z);
                    if (type == "OC")
                    {
                        (station, orientation) = (id, null);
                    }
                    sink.Point(new SurveyPoint
                    {
                        Line = number, Kind = SurveyPointKind.Surveyed, Name = id, Code = f.GetValueOrDefault("--"),
                        X = e, Y = n, OrthometricHeightMeters = z, Quality = FixQuality.Surveyed,
                    });
                    break;
                case "LS":
                    hi = Num(f, "HI", out var h1) ? h1 : hi;
                    hr = Num(f, "HR", out var h2) ? h2 : hr;
                    break;
                case "BK":
                    station = f.GetValueOrDefault("OP") ?? station;
                    var bc = Angle(f, "BC") ?? 0;
                    if (Angle(f, "BS") is { } bs)
                    {
                        orientation = bs - bc;
                    }
                    else if (station is not null && f.GetValueOrDefault("BP") is { } bp && known.TryGetValue(station, out var from) && known.TryGetValue(bp, out var to))
                    {
                        var az = Math.Atan2(to.E - from.E, to.N - from.N) * 180 / Math.PI;
                        orientation = az - bc;
                    }
                    else
                    {
                        orientation = null;
                    }
                    break;
                case "SS" or "TR" or "BD" or "BR" or "FD" or "FR":
                    Shot(type, f, number, sink, known, station, hi, hr, orientation);
                    break;
            }
        }
        sink.Lines = number;
    }

    private static void Shot(string type, Dictionary<string, string> f, long number, SurveyCollector sink,
        Dictionary<string, (double N, double E, double? Z)> known, string? station, double? hi, double? hr, double? orientation)
    {
        var target = f.GetValueOrDefault("FP") ?? f.GetValueOrDefault("BP");
        if (target is null)
        {
            sink.Issue(SurveyIssueCode.MissingField, IssueSeverity.Error, $"{type} without a target point (FP)", number, "FP");
            return;
        }
        var ar = Angle(f, "AR") ?? -Angle(f, "AL"); // angle left is an angle right with the sign turned
        var ze = Angle(f, "ZE");
        double? sd = Num(f, "SD", out var s) ? s : null;
        double? hd = Num(f, "HD", out var hdv) ? hdv : null;
        var from = f.GetValueOrDefault("OP") ?? station;
        sink.Observation(new StationObservation(number, type, from, target, ar * 400 / 360, ze * 400 / 360, sd, hd, hr, hi, f.GetValueOrDefault("--")));
        if (type is not ("SS" or "TR") || from is null || orientation is not { } o || ar is not { } angle || ze is not { } zenith
            || sd is not { } slope || !known.TryGetValue(from, out var at))
        {
            return;
        }
        var zr = zenith * Math.PI / 180;
        var horizontal = slope * Math.Sin(zr);
        var az = (o + angle) * Math.PI / 180;
        var n = at.N + horizontal * Math.Cos(az);
        var e = at.E + horizontal * Math.Sin(az);
        double? z = at.Z is { } sz && hi is { } i && hr is { } r ? sz + i + slope * Math.Cos(zr) - r : null;
        known[target] = (n, e, z);
        sink.Point(new SurveyPoint
        {
            Line = number, Kind = SurveyPointKind.Surveyed, Name = target, Code = f.GetValueOrDefault("--"),
            X = e, Y = n, OrthometricHeightMeters = z, Quality = FixQuality.Surveyed,
        });
    }

    private static Dictionary<string, string> Fields(string[] parts)
    {
        var f = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < parts.Length; i++)
        {
            var p = parts[i].Trim();
            if (p.StartsWith("--", StringComparison.Ordinal))
            {
                // the note runs to the end of the line, commas included
                f["--"] = string.Join(",", parts[i..]).Trim()[2..].Trim();
                break;
            }
            // a key is one or two capitals ("N 50000.0", "EL500.0", "HI5.330"), the value the rest
            var k = 0;
            while (k < p.Length && k < 2 && char.IsAsciiLetterUpper(p[k]))
            {
                k++;
            }
            if (k > 0)
            {
                f[p[..k]] = p[k..].Trim();
            }
        }
        return f;
    }

    private static bool Num(Dictionary<string, string> f, string key, out double value)
    {
        value = 0;
        return f.TryGetValue(key, out var s) && CassDatReader.TryNumber(s, out value);
    }

    /// <summary>DDD.MMSSs → decimal degrees.</summary>
    private static double? Angle(Dictionary<string, string> f, string key)
    {
        if (!f.TryGetValue(key, out var s) || s.Length == 0)
        {
            return null;
        }
        var negative = s.StartsWith('-');
        var t = s.TrimStart('-', '+');
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? t : t[..dot];
        var frac = (dot < 0 ? "" : t[(dot + 1)..]).PadRight(4, '0');
        if (!int.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var deg)
            || !int.TryParse(frac[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || !double.TryParse(frac[2..4] + "." + frac[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var sec))
        {
            return null;
        }
        var v = deg + min / 60.0 + sec / 3600.0;
        return negative ? -v : v;
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
