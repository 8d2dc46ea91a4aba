using System.Globalization;
using Boundaries.Geo.Formats;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Formats;

/// <summary>
/// RTKLIB solution files (.pos) in latitude/longitude (degrees) form: <c>time lat lon height Q ns sdn sde sdu …</c>.
/// Times in GPST are turned into UTC (leap seconds from the table below); the Q flag maps through
/// <see cref="FixQualityScale.Rtklib"/>; heights are ellipsoidal; sdn/sde/sdu become the σ values.
/// </summary>
internal static class RtklibPosReader
{
    // GPS − UTC in seconds, from the date it took effect (IERS bulletins C)
    private static readonly (DateTime From, int Seconds)[] LeapSeconds =
    [
        (new DateTime(2017, 1, 1), 18), (new DateTime(2015, 7, 1), 17), (new DateTime(2012, 7, 1), 16),
        (new DateTime(2009, 1, 1), 15), (new DateTime(2006, 1, 1), 14), (new DateTime(1999, 1, 1), 13),
    ];

    private static readonly DateTime GpsEpoch = new(1980, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    public static void ReadInto(Stream stream, SurveyCollector sink, string? path)
    {
        using var reader = SurveyText.Open(stream, out _);
        long number = 0;
        var gpst = true;
        var headerChecked = false;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '%')
            {
                if (line.Contains("latitude(deg)", StringComparison.Ordinal) || line.Contains("latitude(d'\")", StringComparison.Ordinal))
                {
                    headerChecked = true;
                    gpst = line.Contains("GPST", StringComparison.Ordinal);
                    if (line.Contains("latitude(d'\")", StringComparison.Ordinal))
                    {
                        throw new BoundariesFormatException("RTKLIB degree-minute-second output is not read; export with 'deg' format", path, number);
                    }
                }
                else if (line.Contains("x-ecef(m)", StringComparison.Ordinal) || line.Contains("e-baseline(m)", StringComparison.Ordinal))
                {
                    throw new BoundariesFormatException("RTKLIB ECEF/ENU output is not read; export latitude/longitude", path, number);
                }
                continue;
            }
            sink.Record("solution");
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var dated = f.Length > 1 && f[0].Contains('/', StringComparison.Ordinal);
            const int at = 2; // both "yyyy/mm/dd hh:mm:ss" and "week tow" take two tokens
            if (f.Length < at + 5)
            {
                sink.Issue(SurveyIssueCode.MissingField, IssueSeverity.Error, $"{f.Length} columns; a solution has time, lat, lon, height, Q, ns …", number);
                continue;
            }
            DateTime time;
            if (dated)
            {
                if (!DateTime.TryParseExact(f[0] + " " + f[1], ["yyyy/MM/dd HH:mm:ss.FFF", "yyyy/MM/dd HH:mm:ss"], CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time))
                {
                    sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"time '{f[0]} {f[1]}' cannot be read", number, "time");
                    continue;
                }
            }
            else if (int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var week) && CassDatReader.TryNumber(f[1], out var tow))
            {
                time = GpsEpoch.AddDays(7.0 * week).AddSeconds(tow);
            }
            else
            {
                sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"time '{f[0]} {f[1]}' cannot be read", number, "time");
                continue;
            }
            if (gpst)
            {
                time = time.AddSeconds(-LeapSeconds.FirstOrDefault(l => time >= l.From).Seconds);
            }
            if (!CassDatReader.TryNumber(f[2], out var lat) || !CassDatReader.TryNumber(f[3], out var lon) || !CassDatReader.TryNumber(f[4], out var h))
            {
                sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, "latitude, longitude or height is not a number", number, "position");
                continue;
            }
            if (Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
            {
                sink.Issue(SurveyIssueCode.CoordinateOutOfRange, IssueSeverity.Error, $"({lat}, {lon}) is out of range", number, "position");
                continue;
            }
            if (!int.TryParse(f[5], NumberStyles.None, CultureInfo.InvariantCulture, out var q))
            {
                sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"Q '{f[5]}' is not a number", number, "Q");
                continue;
            }
            sink.Point(new SurveyPoint
            {
                Line = number,
                Kind = SurveyPointKind.TrackPoint,
                X = lon,
                Y = lat,
                EllipsoidalHeightMeters = h,
                Quality = FixQualityScale.FromRtklib(q),
                Satellites = Optional(f, 6) is { } ns ? (int)ns : null,
                SigmaNorthMeters = Optional(f, 7),
                SigmaEastMeters = Optional(f, 8),
                SigmaUpMeters = Optional(f, 9),
                Date = DateOnly.FromDateTime(time),
                Time = TimeOnly.FromDateTime(time),
            });
        }
        if (!headerChecked && number > 0)
        {
            sink.Issue(SurveyIssueCode.MissingField, IssueSeverity.Info, "no RTKLIB column header: times taken as GPST, columns as lat/lon in degrees", 1);
        }
        sink.Lines = number;
    }

    private static double? Optional(string[] f, int i) => i < f.Length && CassDatReader.TryNumber(f[i], out var v) ? v : null;
}
