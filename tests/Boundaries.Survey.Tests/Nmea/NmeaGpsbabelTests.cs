using System.Globalization;
using System.Xml.Linq;
using Boundaries.Survey.Model;
using Boundaries.Survey.Nmea;
using Boundaries.Survey.Reading;
using Boundaries.Survey.Tests.Support;

namespace Boundaries.Survey.Tests.Nmea;

/// <summary>The GPSBabel reference pair: our reading of track_nmea.nmea against GPSBabel's own nmea.gpx.</summary>
public sealed class NmeaGpsbabelTests
{
    private static string Data(string file) => Path.Combine(RepoPaths.SharedData, "gnss-gpsbabel-ref", file);

    [Fact]
    public void TrackNmeaGivesGpsbabelsTrackPoints()
    {
        var points = Read("track_nmea.nmea").Batch.Points;
        XNamespace gpx = "http://www.topografix.com/GPX/1/0";
        var expected = XDocument.Load(Data("track_nmea_expected.gpx")).Descendants(gpx + "trkpt").ToList();
        Assert.Equal(154, expected.Count);
        Assert.Equal(expected.Count, points.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var p = points[i];
            Assert.Equal(double.Parse(e.Attribute("lat")!.Value, CultureInfo.InvariantCulture), p.Y, 1e-6);
            Assert.Equal(double.Parse(e.Attribute("lon")!.Value, CultureInfo.InvariantCulture), p.X, 1e-6);
            var time = DateTime.Parse(e.Element(gpx + "time")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.Equal(time, p.TimeUtc);
            Assert.Equal(double.Parse(e.Element(gpx + "ele")!.Value, CultureInfo.InvariantCulture), p.OrthometricHeightMeters!.Value, 1e-9);
            Assert.Equal(double.Parse(e.Element(gpx + "geoidheight")!.Value, CultureInfo.InvariantCulture), p.GeoidSeparationMeters!.Value, 1e-9);
            Assert.Equal(int.Parse(e.Element(gpx + "sat")!.Value, CultureInfo.InvariantCulture), p.Satellites);
            Assert.Equal(double.Parse(e.Element(gpx + "hdop")!.Value, CultureInfo.InvariantCulture), p.Hdop!.Value, 1e-6);
            Assert.Equal(double.Parse(e.Element(gpx + "pdop")!.Value, CultureInfo.InvariantCulture), p.Pdop!.Value, 1e-6);
            Assert.Equal(FixQuality.Autonomous, p.Quality);
        }
    }

    [Fact]
    public void Utf16FileReadsLikeItsUtf8Twin()
    {
        var utf8 = Read("track_nmea.nmea");
        var utf16 = Read("track_nmea_utf16.nmea");
        Assert.Equal(154, utf16.Batch.Points.Length);
        for (var i = 0; i < utf8.Batch.Points.Length; i++)
        {
            Assert.True(utf8.Batch.Points[i] == utf16.Batch.Points[i], $"point {i}: {utf8.Batch.Points[i]} vs {utf16.Batch.Points[i]}");
        }
        Assert.Equal(utf8.Counts.RecordsByType, utf16.Counts.RecordsByType);
        Assert.Empty(utf16.Issues);
    }

    [Fact]
    public void GgaOnlyLogWithoutDateHasTimesButNoDates()
    {
        var result = Read("adddate_gga_only.nmea");
        Assert.Equal(500, result.Batch.Points.Length);
        Assert.All(result.Batch.Points, p => Assert.Null(p.Date));
        Assert.All(result.Batch.Points, p => Assert.NotNull(p.Time));
    }

    [Fact]
    public void GgaOnlyLogCarriesStartDateAcrossMidnight()
    {
        var start = new DateOnly(2026, 5, 31);
        var points = Read("adddate_gga_only.nmea", new SurveyReadOptions { StartDate = start }).Batch.Points;
        Assert.Equal(new DateTime(2026, 5, 31, 23, 56, 0, DateTimeKind.Utc), points[0].TimeUtc);
        Assert.Equal(new DateOnly(2026, 6, 1), points[^1].Date);
        Assert.True(points[^1].Time < new TimeOnly(0, 5));
        for (var i = 1; i < points.Length; i++)
        {
            Assert.True(points[i].TimeUtc > points[i - 1].TimeUtc, $"time goes back at point {i}");
        }
        Assert.Equal(points.Length, points.Select(p => p.TimeUtc).Distinct().Count());
    }

    private ImportResult Read(string file, SurveyReadOptions? options = null)
    {
        using var stream = File.OpenRead(Data(file));
        return NmeaReader.Read(stream, options ?? new SurveyReadOptions(), file);
    }
}
