using System.Globalization;
using System.Xml;
using Boundaries.Geo.Formats;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Formats;

/// <summary>
/// GPX 1.0/1.1 track points (<c>trkpt</c>), route points (<c>rtept</c>, read as track points) and waypoints
/// (<c>wpt</c>), streamed with <see cref="XmlReader"/>. <c>fix</c> maps: none → Invalid, 2d/3d → Autonomous,
/// dgps → Dgps, pps → Pps; absent → Unknown. <c>ele</c> is orthometric, <c>geoidheight</c> the geoid separation.
/// </summary>
internal static class GpxReader
{
    public static void ReadInto(Stream stream, SurveyCollector sink, string? path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = true, IgnoreComments = true };
        using var xml = XmlReader.Create(stream, settings);
        var info = (IXmlLineInfo)xml;
        try
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName is not ("trkpt" or "wpt" or "rtept"))
                {
                    continue;
                }
                sink.Record(xml.LocalName);
                Point(xml, info.LineNumber, sink);
            }
        }
        catch (XmlException ex)
        {
            throw new BoundariesFormatException("not well-formed GPX: " + ex.Message, path, ex.LineNumber, inner: ex);
        }
        sink.Lines = info.LineNumber;
    }

    private static void Point(XmlReader xml, long line, SurveyCollector sink)
    {
        var kind = xml.LocalName == "wpt" ? SurveyPointKind.Waypoint : SurveyPointKind.TrackPoint;
        var latText = xml.GetAttribute("lat");
        var lonText = xml.GetAttribute("lon");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            xml.Read();
            while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) && !xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1)
                {
                    var name = xml.LocalName;
                    if (name == "extensions")
                    {
                        xml.Skip(); // moves to the next sibling
                    }
                    else
                    {
                        fields[name] = xml.ReadElementContentAsString().Trim(); // moves past the end tag
                    }
                    continue;
                }
                xml.Read();
            }
        }
        if (!CassDatReader.TryNumber(latText ?? "", out var lat) || !CassDatReader.TryNumber(lonText ?? "", out var lon))
        {
            sink.Issue(SurveyIssueCode.MalformedField, IssueSeverity.Error, $"lat '{latText}' / lon '{lonText}' cannot be read", line, "lat/lon");
            return;
        }
        if (Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
        {
            sink.Issue(SurveyIssueCode.CoordinateOutOfRange, IssueSeverity.Error, $"({lat}, {lon}) is out of range", line, "lat/lon");
            return;
        }
        DateTime? time = fields.TryGetValue("time", out var ts)
            && DateTime.TryParse(ts, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        sink.Point(new SurveyPoint
        {
            Line = line,
            Kind = kind,
            X = lon,
            Y = lat,
            Quality = fields.GetValueOrDefault("fix") switch
            {
                null => FixQuality.Unknown,
                "none" => FixQuality.Invalid,
                "2d" or "3d" => FixQuality.Autonomous,
                "dgps" => FixQuality.Dgps,
                "pps" => FixQuality.Pps,
                _ => FixQuality.Unknown,
            },
            Name = fields.GetValueOrDefault("name"),
            Code = fields.GetValueOrDefault("desc") ?? fields.GetValueOrDefault("cmt"),
            OrthometricHeightMeters = Number(fields, "ele"),
            GeoidSeparationMeters = Number(fields, "geoidheight"),
            Date = time is { } d ? DateOnly.FromDateTime(d) : null,
            Time = time is { } tt ? TimeOnly.FromDateTime(tt) : null,
            Satellites = Number(fields, "sat") is { } s ? (int)s : null,
            Hdop = Number(fields, "hdop"),
            Vdop = Number(fields, "vdop"),
            Pdop = Number(fields, "pdop"),
            SpeedMetersPerSecond = Number(fields, "speed"),
            CourseDegrees = Number(fields, "course"),
        });
    }

    private static double? Number(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var s) && CassDatReader.TryNumber(s, out var v) ? v : null;
}
