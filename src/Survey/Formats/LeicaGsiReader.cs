using System.Globalization;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Formats;

/// <summary>
/// Leica GSI-8 and GSI-16 (lines starting with <c>*</c>): blocks of words <c>WWIIIU±data</c>, a block starting at
/// word 11 (point number). Words 21/22 (Hz, V), 31/32/33 (slope distance, horizontal distance, height difference),
/// 87/88 (reflector, instrument height) make a polar observation; 81/82/83 (E, N, H) and 84/85/86 (station E, N, H)
/// make a surveyed point. The unit digit of each word is honoured (angles: 2 gon, 3 decimal degrees, 4 DMS, 5 mil;
/// distances: 0/1 mm or 1/1000 ft, 6/7 1/10 mm or 1/10000 ft, 8 1/100 mm). A file may hold all blocks on one line.
/// </summary>
internal static class LeicaGsiReader
{
    public static void ReadInto(Stream stream, SurveyCollector sink)
    {
        using var reader = SurveyText.Open(stream, out _);
        long number = 0;
        var block = new Dictionary<int, (string Info, string Data)>();
        long blockLine = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            foreach (var token in raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.TrimStart('*');
                if (word.Length < 8 || !int.TryParse(word.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var wi)
                    || (word[6] != '+' && word[6] != '-'))
                {
                    sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"'{token}' is not a GSI word", number);
                    continue;
                }
                if (wi is 11 or 41)
                {
                    Emit(block, blockLine, sink);
                    block.Clear();
                    blockLine = number;
                }
                block[wi] = (word[2..6], word[6..]);
            }
        }
        Emit(block, blockLine, sink);
        sink.Lines = number;
    }

    private static void Emit(Dictionary<int, (string Info, string Data)> block, long line, SurveyCollector sink)
    {
        if (!block.TryGetValue(11, out var id))
        {
            if (block.Count > 0)
            {
                sink.Record("code");
            }
            return;
        }
        var name = id.Data[1..].TrimStart('0');
        name = name.Length == 0 ? "0" : name;
        var hz = Angle(block, 21);
        var v = Angle(block, 22);
        var sd = Length(block, 31);
        var hd = Length(block, 32);
        if (hz is not null || v is not null || sd is not null || hd is not null)
        {
            sink.Record("polar");
            sink.Observation(new StationObservation(line, "polar", null, name, hz, v, sd, hd, Length(block, 87), Length(block, 88),
                block.TryGetValue(71, out var remark) ? remark.Data[1..].TrimStart('0') : null));
        }
        foreach (var (e, n, h, kind) in new[] { (81, 82, 83, "point"), (84, 85, 86, "station") })
        {
            if (Length(block, e) is { } east && Length(block, n) is { } north)
            {
                sink.Record(kind);
                sink.Point(new SurveyPoint
                {
                    Line = line, Kind = SurveyPointKind.Surveyed, Name = name, X = east, Y = north,
                    OrthometricHeightMeters = Length(block, h), Quality = FixQuality.Surveyed,
                });
            }
        }
    }

    private static double? Angle(Dictionary<int, (string Info, string Data)> block, int wi)
    {
        if (!block.TryGetValue(wi, out var w) || !long.TryParse(w.Data.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var raw))
        {
            return null;
        }
        var sign = w.Data[0] == '-' ? -1 : 1;
        return sign * (w.Info[3] switch
        {
            '2' => raw / 1e5,                    // gon, 5 decimals
            '3' => raw / 1e5 * 400 / 360,        // decimal degrees
            '4' => Dms(raw) * 400 / 360,         // DDDMMSSs
            '5' => raw / 1e4 * 400 / 6400,       // mil
            _ => double.NaN,
        });
    }

    private static double? Length(Dictionary<int, (string Info, string Data)> block, int wi)
    {
        if (!block.TryGetValue(wi, out var w) || !long.TryParse(w.Data.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var raw))
        {
            return null;
        }
        var sign = w.Data[0] == '-' ? -1 : 1;
        return sign * (w.Info[3] switch
        {
            '0' or '1' or '.' => raw / 1e3,
            '6' or '7' => raw / 1e4,
            '8' => raw / 1e5,
            _ => double.NaN,
        });
    }

    private static double Dms(long raw)
    {
        var tenths = raw % 10;
        var seconds = raw / 10 % 100;
        var minutes = raw / 1000 % 100;
        var degrees = raw / 100000;
        return degrees + minutes / 60.0 + (seconds + tenths / 10.0) / 3600.0;
    }
}
