using Boundaries.Survey.Model;
using Boundaries.Survey.Nmea;
using Boundaries.Survey.Reading;
using Boundaries.Survey.Tests.Support;

namespace Boundaries.Survey.Tests.Nmea;

/// <summary>
/// Every GPSD log read with the figures of ../shared/data/gnss-nmea-gpsd/SOURCE.md: sentence count, GGA fix-quality
/// histogram (quality 0 epochs are no-fix issues, the others points on the mapped scale), and bad checksums on the
/// lines a separate Python check found.
/// </summary>
public sealed class NmeaReaderDataTests
{
    // file, sentences (SOURCE.md), GGA histogram "code×count" (SOURCE.md), lines with bad checksums, lines that are not NMEA
    public static TheoryData<string, int, string, string, string> Files => new()
    {
        { "ublox-zed-f9p-nmea.log", 1015, "1x29", "", "" },
        { "ublox-neo-m9n-nmea.log", 1403, "2x61", "", "" },
        { "nmea-rtk.log", 244, "2x104 4x18", "", "" },
        { "nmea-fuzzy-cases.log", 28, "2x10 4x4", "", "" },
        { "skytraq-PX1172RH_DS.log", 195, "5x9", "", "9 10 11" },
        { "skytraq-dgps.log", 1024, "2x96", "", "" },
        { "beidou-bd.log", 79, "0x5 1x5", "", "" },
        { "beidou-gb.log", 68, "0x3 1x2", "", "" },
        { "quectel-L70.log", 115, "2x16", "", "" },
        { "polarx2.log", 75, "1x5", "", "" },
        { "st-teseo-liv4f.log", 330, "1x12", "329", "" },
        { "garmin-geko201.log", 213, "8x18", "224", "" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadsGpsdLogWithSourceFigures(string file, int sentences, string ggaHistogram, string badLines, string foreignLines)
    {
        var result = Read(file, new SurveyReadOptions());
        var c = result.Counts;

        var bad = result.Issues.Where(i => i.Code == SurveyIssueCode.BadChecksum).ToList();
        Assert.Equal(Lines(badLines), bad.Select(i => i.Line));
        Assert.All(bad, i => Assert.Equal(IssueSeverity.Error, i.Severity));
        var foreign = result.Issues.Where(i => i.Code == SurveyIssueCode.NotARecord).Select(i => i.Line);
        Assert.Equal(Lines(foreignLines), foreign);

        var counted = c.RecordsByType.Where(kv => kv.Key != "#").Sum(kv => kv.Value) + bad.Count;
        Assert.Equal(sentences, counted);

        var expected = Histogram(ggaHistogram);
        Assert.Equal(expected.GetValueOrDefault(0), c.IssuesByCode.GetValueOrDefault(SurveyIssueCode.NoFix));
        var points = expected.Where(kv => kv.Key != 0).ToDictionary(kv => FixQualityScale.FromGga(kv.Key), kv => (long)kv.Value);
        Assert.Equal(points.OrderBy(kv => kv.Key), c.PointsByQuality.OrderBy(kv => kv.Key));
        Assert.Equal(c.Points, result.Batch.Points.Length);
        Assert.DoesNotContain(result.Issues, i => i.Code == SurveyIssueCode.MalformedField);
    }

    [Fact]
    public void AcceptsBadChecksumWithWarningWhenAsked()
    {
        var strict = Read("garmin-geko201.log", new SurveyReadOptions());
        var lenient = Read("garmin-geko201.log", new SurveyReadOptions { Checksum = ChecksumPolicy.AcceptWithWarning });
        var warning = Assert.Single(lenient.Issues, i => i.Code == SurveyIssueCode.BadChecksum);
        Assert.Equal(IssueSeverity.Warning, warning.Severity);
        Assert.Equal(224, warning.Line);
        Assert.Equal(0, lenient.Counts.RejectedLines);
        Assert.Equal(1, strict.Counts.RejectedLines);
    }

    [Fact]
    public void ReadsBeidouPositionInShanghaiWithGeoidKeptApart()
    {
        var result = Read("beidou-bd.log", new SurveyReadOptions());
        Assert.All(result.Batch.Points, p =>
        {
            Assert.InRange(p.Y, 31.24, 31.26);
            Assert.InRange(p.X, 121.58, 121.60);
        });
        var rtk = Read("nmea-rtk.log", new SurveyReadOptions()).Batch.Points[0];
        // $GNGGA,132819.60,4134.49795459,N,09345.03431408,W,2,10,0.9,278.161,M,-31.442,M,...
        Assert.Equal(278.161, rtk.OrthometricHeightMeters!.Value, 9);
        Assert.Equal(-31.442, rtk.GeoidSeparationMeters!.Value, 9);
        Assert.Equal(278.161 - 31.442, rtk.EllipsoidalHeightMeters!.Value, 9);
        Assert.Equal(41 + 34.49795459 / 60, rtk.Y, 12);
        Assert.Equal(-(93 + 45.03431408 / 60), rtk.X, 12);
        Assert.Equal(new DateTime(2020, 3, 18, 13, 28, 19, 600, DateTimeKind.Utc), rtk.TimeUtc);
    }

    [Fact]
    public void TakesSigmaFromGst()
    {
        var points = Read("ublox-zed-f9p-nmea.log", new SurveyReadOptions()).Batch.Points;
        Assert.All(points, p => Assert.NotNull(p.SigmaNorthMeters));
        Assert.All(points, p => Assert.NotNull(p.Pdop));
    }

    internal static ImportResult Read(string file, SurveyReadOptions options)
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.SharedData, "gnss-nmea-gpsd", file));
        return NmeaReader.Read(stream, options, file);
    }

    private static long[] Lines(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();

    private static Dictionary<int, int> Histogram(string text) =>
        text.Split(' ').Select(p => p.Split('x')).ToDictionary(p => int.Parse(p[0]), p => int.Parse(p[1]));
}
