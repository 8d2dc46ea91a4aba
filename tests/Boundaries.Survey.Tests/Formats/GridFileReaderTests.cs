using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Survey.Model;
using Boundaries.Survey.Reading;

namespace Boundaries.Survey.Tests.Formats;

/// <summary>
/// CASS .dat (built by hand from the South CASS manual, ch. 5: <c>点名,编码,Y(东),X(北),H</c>), RTKLIB .pos (the
/// column layout of the RTKLIB 2.4 manual) and CSV with a column map.
/// </summary>
public sealed class GridFileReaderTests
{
    private const string Cass = "J001,界桩,508123.456,4331234.567,3.210\r\n1,,508100.000,4331200.000,2.5\r\n\r\nBAD,界桩,abc,4331200.000,1\r\nP3,房角,508000.1,4331000.2\r\n";

    [Theory]
    [InlineData("utf-8")]
    [InlineData("gbk")]
    public void ReadsCassEastingFirstInUtf8AndGbk(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(encoding).GetBytes(Cass);
        var result = SurveyReader.Read(new MemoryStream(bytes), SurveyFormat.CassDat, new SurveyReadOptions { Crs = CrsCode.GaussKruger(39, false) });
        var p = result.Batch.Points;
        Assert.Equal(3, p.Length);
        Assert.Equal(("J001", "界桩", 508123.456, 4331234.567, 3.210), (p[0].Name, p[0].Code, p[0].X, p[0].Y, p[0].OrthometricHeightMeters!.Value));
        Assert.Null(p[1].Code);
        Assert.Equal("房角", p[2].Code);
        Assert.Null(p[2].OrthometricHeightMeters);
        var bad = Assert.Single(result.Issues);
        Assert.Equal((4L, "E", IssueSeverity.Error), (bad.Line, bad.Field, bad.Severity));
        Assert.Equal(CrsCode.GaussKruger(39, false), result.Batch.Crs);
        Assert.All(p, x => Assert.Equal(FixQuality.Surveyed, x.Quality));
    }

    [Fact]
    public void ReadsRtklibPosWithQualityAndSigmaAndUtcTime()
    {
        const string pos = """
            % program   : RTKPOST ver.2.4.2
            % (lat/lon/height=WGS84/ellipsoidal,Q=1:fix,2:float,3:sbas,4:dgps,5:single,6:ppp,ns=# of satellites)
            %  GPST          latitude(deg) longitude(deg)  height(m)   Q  ns   sdn(m)   sde(m)   sdu(m)  sdne(m)  sdeu(m)  sdun(m) age(s)  ratio
            2021/06/01 04:00:18.000   39.123456789  117.200000000    10.1234   1  12   0.0030   0.0040   0.0076  -0.0010   0.0017  -0.0025   1.00   54.3
            2021/06/01 04:00:19.000   39.123456800  117.200000100    10.1300   2  11   0.0830   0.0640   0.1176  -0.0010   0.0017  -0.0025   1.00    2.1
            2021/06/01 04:00:20.000   99.0          117.2              10.1      5   5   1        1        1
            """;
        var result = SurveyReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(pos)), SurveyFormat.RtklibPos);
        var p = result.Batch.Points;
        Assert.Equal(2, p.Length);
        Assert.Equal(FixQuality.RtkFixed, p[0].Quality);
        Assert.Equal(FixQuality.RtkFloat, p[1].Quality);
        Assert.Equal(new DateTime(2021, 6, 1, 4, 0, 0, DateTimeKind.Utc), p[0].TimeUtc); // GPST − 18 s
        Assert.Equal(0.005, p[0].SigmaHorizontalMeters!.Value, 12);
        Assert.Equal(10.1234, p[0].EllipsoidalHeightMeters);
        Assert.Equal(12, p[0].Satellites);
        var bad = Assert.Single(result.Issues);
        Assert.Equal((6L, SurveyIssueCode.CoordinateOutOfRange), (bad.Line, bad.Code));
    }

    [Fact]
    public void ReadsCsvThroughAColumnMap()
    {
        const string csv = "id;lat;lon;fix;sd\nM1;39.1;117.2;4;0.02\nM2;39.2;117.3;rtk_float;0.3\nM3;x;117.3;4;0.1\n";
        var options = new SurveyReadOptions
        {
            Csv = new CsvColumnMap { Name = "id", X = "lon", Y = "lat", Quality = "fix", SigmaHorizontal = "sd", Delimiter = ';', Geographic = true },
        };
        var result = SurveyReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), SurveyFormat.Csv, options);
        var p = result.Batch.Points;
        Assert.Equal(2, p.Length);
        Assert.Equal(("M1", 117.2, 39.1, FixQuality.RtkFixed), (p[0].Name, p[0].X, p[0].Y, p[0].Quality));
        Assert.Equal(FixQuality.RtkFloat, p[1].Quality);
        Assert.Equal(0.02, p[0].SigmaHorizontalMeters!.Value, 12);
        Assert.Equal(4L, Assert.Single(result.Issues).Line);
        Assert.Equal(CrsCode.Wgs84, result.Batch.Crs);
    }

    [Fact]
    public void CsvWithoutItsCoordinateColumnIsUnusable()
    {
        var ex = Assert.Throws<Boundaries.Geo.Formats.BoundariesFormatException>(() =>
            SurveyReader.Read(new MemoryStream("a,b\n1,2\n"u8.ToArray()), SurveyFormat.Csv, null, "f.csv"));
        Assert.Equal("x", ex.Field);
    }
}
