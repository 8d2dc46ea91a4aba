using System.Globalization;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Formats;

/// <summary>
/// South CASS coordinate files (.dat): one point per line, <c>name,code,E,N,H</c> — easting (CASS "Y") before
/// northing ("X"), the code may be empty, H may be missing. UTF-8 or GBK. Points are <see cref="FixQuality.Surveyed"/>.
/// </summary>
internal static class CassDatReader
{
    public static void ReadInto(Stream stream, SurveyCollector sink)
    {
        using var reader = SurveyText.Open(stream, out _);
        long number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            sink.Record("point");
            if (line.Contains('\uFFFD', StringComparison.Ordinal))
            {
                sink.Issue(SurveyIssueCode.BadEncoding, IssueSeverity.Warning, "bytes that are neither UTF-8 nor GBK text", number);
            }
            // CASS writes half-width commas; accept the full-width comma some editors leave behind
            var f = line.Replace('，', ',').Split(',');
            if (f.Length < 4)
            {
                sink.Issue(SurveyIssueCode.MissingField, IssueSeverity.Error, $"{f.Length} fields; a CASS point has name,code,E,N[,H]", number);
                continue;
            }
            if (f[0].Trim().Length == 0)
            {
                sink.Issue(SurveyIssueCode.MissingField, IssueSeverity.Error, "no point name", number, "name");
                continue;
            }
            if (!TryNumber(f[2], out var e))
            {
                sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"easting '{f[2]}' is not a number", number, "E");
                continue;
            }
            if (!TryNumber(f[3], out var n))
            {
                sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"northing '{f[3]}' is not a number", number, "N");
                continue;
            }
            double? h = null;
            if (f.Length > 4 && f[4].Trim().Length > 0)
            {
                if (!TryNumber(f[4], out var hv))
                {
                    sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"height '{f[4]}' is not a number", number, "H");
                    continue;
                }
                h = hv;
            }
            sink.Point(new SurveyPoint
            {
                Line = number,
                Kind = SurveyPointKind.Surveyed,
                Name = f[0].Trim(),
                Code = f[1].Trim() is { Length: > 0 } code ? code : null,
                X = e,
                Y = n,
                OrthometricHeightMeters = h,
                Quality = FixQuality.Surveyed,
            });
        }
        sink.Lines = number;
    }

    internal static bool TryNumber(string s, out double value) =>
        double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
