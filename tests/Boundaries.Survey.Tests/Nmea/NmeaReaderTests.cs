using System.Text;
using Boundaries.Survey.Model;
using Boundaries.Survey.Nmea;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Tests.Nmea;

/// <summary>Small inline logs for the NMEA cases the shared data does not cover.</summary>
public sealed class NmeaReaderTests
{
    [Theory]
    [InlineData("GP")]
    [InlineData("GN")]
    [InlineData("GL")]
    [InlineData("GA")]
    [InlineData("GB")]
    [InlineData("BD")]
    [InlineData("GQ")]
    [InlineData("GI")]
    public void ReadsEveryTalker(string talker)
    {
        var p = Assert.Single(Read(Sentence($"{talker}GGA,120000.00,3906.0000,N,11712.0000,E,4,20,0.7,5.000,M,-8.000,M,1.0,0001")).Batch.Points);
        Assert.Equal(FixQuality.RtkFixed, p.Quality);
        Assert.Equal(39.1, p.Y, 12);
        Assert.Equal(117.2, p.X, 12);
    }

    [Fact]
    public void RepairsGpsWeekRolloverBeforeTheCutoff()
    {
        // a receiver with the April 2019 roll-over bug reports 2024-06-01 as 1024 weeks earlier: 2004-10-17
        var log = Sentence("GPRMC,120000.00,A,3906.0000,N,11712.0000,E,0.0,0.0,171004,,,R") + Sentence("GPGGA,120000.00,3906.0000,N,11712.0000,E,4,20,0.7,5.0,M,-8.0,M,,");
        var result = Read(log, new SurveyReadOptions { GpsWeekRolloverCutoff = new DateOnly(2020, 1, 1) });
        Assert.Equal(new DateOnly(2024, 6, 2), Assert.Single(result.Batch.Points).Date);
        var warning = Assert.Single(result.Issues);
        Assert.Equal((SurveyIssueCode.WeekRolloverRepaired, 1L), (warning.Code, warning.Line));
        Assert.Equal(new DateOnly(2004, 10, 17), Assert.Single(Read(log).Batch.Points).Date); // default cut-off leaves 2004 alone
    }

    [Fact]
    public void TakesFourDigitYearFromZdaAndGnsModeAsQuality()
    {
        var log = Sentence("GNZDA,235959.00,31,12,2025,00,00") + Sentence("GNGNS,235959.50,3906.0000,N,11712.0000,E,RFA,20,0.7,5.0,-8.0,1.0,0001,V")
            + Sentence("GNGNS,000000.50,3906.0000,N,11712.0000,E,FF,20,0.7,5.0,-8.0,1.0,0001,V");
        var points = Read(log).Batch.Points;
        Assert.Equal(new DateTime(2025, 12, 31, 23, 59, 59, 500, DateTimeKind.Utc), points[0].TimeUtc);
        Assert.Equal(FixQuality.RtkFixed, points[0].Quality); // best of R, F, A
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc), points[1].TimeUtc); // midnight roll-over
        Assert.Equal(FixQuality.RtkFloat, points[1].Quality);
    }

    [Fact]
    public void ReportsEveryBadLineWithItsNumberAndReason()
    {
        var log = "# header comment\r\n"
            + Sentence("GPGGA,120000.00,3906.0000,N,11712.0000,E,4,20,0.7,5.0,M,-8.0,M,,")   // 2 ok
            + "garbage line\r\n"                                                                // 3 not NMEA
            + "$GPGGA,120001.00,3906.0000,N,11712.0000,E,4,20,0.7,5.0,M,-8.0,M,,*00\r\n"       // 4 bad checksum
            + Sentence("GPGGA,120002.00,39x6.0000,N,11712.0000,E,4,20,0.7,5.0,M,-8.0,M,,")   // 5 bad latitude
            + "$GPGGA,120003.00,3906.0000,N,11712.0000,E,4,20,0.7,5.0,M,-8.0,M,,\r\n"          // 6 no checksum: warning
            + Sentence("GPGGA,120004.00,,,,,0,00,,,M,,M,,")                                     // 7 no fix
            + "$" + Sentence("GPGGA,120005.00,3906.0000,N,11712.0000,E,4,20,0.7,5.0,M,-8.0,M,,"); // 8 $$ prefix
        var result = Read(log);
        Assert.Equal(3, result.Batch.Points.Length);
        Assert.Equal([2L, 6L, 8L], result.Batch.Points.Select(p => p.Line));
        Assert.Equal(
            [(3L, SurveyIssueCode.NotARecord, IssueSeverity.Error), (4L, SurveyIssueCode.BadChecksum, IssueSeverity.Error),
             (5L, SurveyIssueCode.MalformedField, IssueSeverity.Error), (6L, SurveyIssueCode.MissingChecksum, IssueSeverity.Warning),
             (7L, SurveyIssueCode.NoFix, IssueSeverity.Info)],
            result.Issues.Select(i => (i.Line, i.Code, i.Severity)));
        Assert.Equal("latitude", result.Issues[2].Field);
        Assert.Equal(3, result.Counts.RejectedLines);
        Assert.Equal(8, result.Counts.Lines);
    }

    [Fact]
    public void RejectsAnOverlongLineAndGoesOn()
    {
        var log = "$" + new string('A', 20_000) + "\n" + Sentence("GPGGA,120000.00,3906.0000,N,11712.0000,E,4,20,0.7,5.0,M,-8.0,M,,");
        var result = Read(log);
        Assert.Equal(2L, Assert.Single(result.Batch.Points).Line);
        Assert.Equal((1L, SurveyIssueCode.LineTooLong), (result.Issues[0].Line, result.Issues[0].Code));
    }

    [Fact]
    public void ChecksumMatchesTheSpecExample() =>
        // NMEA 0183 example sentence with its published checksum 47
        Assert.Equal(0x47, NmeaReader.Checksum("GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,"u8));

    private static string Sentence(string body)
    {
        var sum = 0;
        foreach (var c in body)
        {
            sum ^= c;
        }
        return $"${body}*{sum:X2}\r\n";
    }

    private static ImportResult Read(string text, SurveyReadOptions? options = null) =>
        NmeaReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(text)), options ?? new SurveyReadOptions());
}
