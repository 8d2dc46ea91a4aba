using System.Globalization;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Formats;

/// <summary>Delimited text with a <see cref="CsvColumnMap"/>: columns found by header name or index.</summary>
internal static class CsvSurveyReader
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["x"] = ["x", "lon", "longitude", "e", "easting"],
        ["y"] = ["y", "lat", "latitude", "n", "northing"],
        ["h"] = ["h", "z", "height", "ele", "elevation"],
    };

    public static void ReadInto(Stream stream, SurveyCollector sink)
    {
        var map = sink.Options.Csv ?? new CsvColumnMap();
        using var reader = SurveyText.Open(stream, out _);
        long number = 0;
        string[]? header = null;
        if (map.HasHeader)
        {
            header = reader.ReadLine()?.Split(map.Delimiter).Select(h => h.Trim().Trim('"')).ToArray();
            number = 1;
        }
        var x = Column(map.X, header, required: true, "x");
        var y = Column(map.Y, header, required: true, "y");
        var name = Column(map.Name, header, false, null);
        var code = Column(map.Code, header, false, null);
        var h = Column(map.Height, header, false, "h");
        var q = Column(map.Quality, header, false, null);
        var sigma = Column(map.SigmaHorizontal, header, false, null);
        var time = Column(map.Time, header, false, null);
        while (reader.ReadLine() is { } raw)
        {
            number++;
            if (raw.Trim().Length == 0)
            {
                continue;
            }
            sink.Record("row");
            var f = raw.Split(map.Delimiter).Select(v => v.Trim().Trim('"')).ToArray();
            string? Get(int col) => col >= 0 && col < f.Length && f[col].Length > 0 ? f[col] : null;
            if (!CassDatReader.TryNumber(Get(x) ?? "", out var xv) || !CassDatReader.TryNumber(Get(y) ?? "", out var yv))
            {
                sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"'{Get(x)}', '{Get(y)}' are not coordinates", number, Get(x) is null ? map.X : map.Y);
                continue;
            }
            if (map.Geographic && (Math.Abs(yv) > 90 || Math.Abs(xv) > 180))
            {
                sink.Issue(SurveyIssueCode.CoordinateOutOfRange, IssueSeverity.Error, $"({xv}, {yv}) is not a longitude/latitude", number);
                continue;
            }
            var quality = FixQuality.Surveyed;
            if (Get(q) is { } qs)
            {
                if (int.TryParse(qs, NumberStyles.None, CultureInfo.InvariantCulture, out var gga))
                {
                    quality = FixQualityScale.FromGga(gga);
                }
                else if (!Enum.TryParse(qs.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out quality))
                {
                    sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"quality '{qs}' is neither a GGA code nor a quality name", number, map.Quality);
                    continue;
                }
            }
            double? sigmaEach = Get(sigma) is { } ss && CassDatReader.TryNumber(ss, out var sv) ? sv / Math.Sqrt(2) : null;
            DateTime? at = Get(time) is { } ts && DateTime.TryParse(ts, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var tv) ? tv : null;
            sink.Point(new SurveyPoint
            {
                Line = number,
                Kind = SurveyPointKind.Surveyed,
                X = xv,
                Y = yv,
                Quality = quality,
                Name = Get(name),
                Code = Get(code),
                OrthometricHeightMeters = Get(h) is { } hs && CassDatReader.TryNumber(hs, out var hv) ? hv : null,
                SigmaNorthMeters = sigmaEach,
                SigmaEastMeters = sigmaEach,
                Date = at is { } d ? DateOnly.FromDateTime(d) : null,
                Time = at is { } t ? TimeOnly.FromDateTime(t) : null,
            });
        }
        sink.Lines = number;
    }

    private static int Column(string? wanted, string[]? header, bool required, string? aliasKey)
    {
        if (wanted is null)
        {
            return -1;
        }
        if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index;
        }
        if (header is not null)
        {
            var names = aliasKey is not null && Aliases.TryGetValue(wanted, out var list) ? list : [wanted];
            foreach (var n in names)
            {
                var i = Array.FindIndex(header, h => string.Equals(h, n, StringComparison.OrdinalIgnoreCase));
                if (i >= 0)
                {
                    return i;
                }
            }
        }
        if (required)
        {
            throw new Geo.Formats.BoundariesFormatException($"no column '{wanted}' in the header", line: 1, field: wanted);
        }
        return -1;
    }
}
