using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Formats;

public sealed class CsvFormatTests
{
    private const string Header = "code,name,level,parent,valid_from,valid_to,wkt\r\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RoundTripWithQuotingWithOrWithoutBom(bool bom)
    {
        using var dir = new TempDir();
        var set = SampleSet();
        DivisionFiles.Write(set, dir.File("a.csv"), new DivisionWriteOptions { CsvUtf8Bom = bom });
        var bytes = File.ReadAllBytes(dir.File("a.csv"));
        Assert.Equal(bom, bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        var result = DivisionFiles.Read(dir.File("a.csv"));
        Assert.Equal("csv", result.Format);
        Assert.False(result.CrsStated);
        AssertSameDivisions(set, result.Set, attributesAsText: true);
    }

    [Fact]
    public void GdalReadsOurCsvToTheSameFeatureCount()
    {
        using var dir = new TempDir();
        DivisionFiles.Write(SampleSet(), dir.File("a.csv"));
        var info = GdalOk("ogrinfo", "-so", "-al", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", dir.File("a.csv"));
        Assert.Contains("Feature Count: 3", info);
        Assert.Contains("Geometry: Unknown (any)", info);
    }

    [Fact]
    public void CrsOptionMakesItStated()
    {
        using var dir = new TempDir();
        DivisionFiles.Write(SampleSet(), dir.File("a.csv"));
        var result = DivisionFiles.Read(dir.File("a.csv"), new DivisionReadOptions { Crs = CrsCode.Wgs84 });
        Assert.True(result.CrsStated);
        Assert.Equal(CrsCode.Wgs84, result.Set.Crs);
    }

    // invalid input

    [Fact]
    public void BadWktNamesLineAndField()
    {
        var e = ReadText(Header + "120101,和平区,district,,,,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\r\n120102,河东区,district,,,,\"POLYGON ((0 0, 1 0\"\r\n");
        Assert.Equal(3, e.Line);
        Assert.Equal("wkt", e.Field);
        Assert.Equal("#1", e.Feature);
    }

    [Fact]
    public void QuotedLineBreaksCountTowardsLineNumbers()
    {
        var e = ReadText(Header + "120101,\"和平\r\n区\",district,,,,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\r\n,河东区,district,,,,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\r\n");
        Assert.Equal(4, e.Line);
        Assert.Equal("code", e.Field);
    }

    [Fact]
    public void WrongFieldCountUnclosedQuoteAndMissingWktColumnAreRefused()
    {
        Assert.Equal(2, ReadText(Header + "120101,和平区,district\r\n").Line);
        Assert.Contains("never closed", ReadText(Header + "120101,\"和平区,district,,,,x\r\n").Message);
        Assert.Equal("wkt", ReadText("code,name,level\r\n120101,和平区,district\r\n").Field);
        Assert.Equal("valid_from", ReadText(Header + "120101,和平区,district,,2020-13-01,,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\r\n").Field);
    }

    [Fact]
    public void InvalidUtf8IsRefusedUnlessTheEncodingIsGiven()
    {
        using var dir = new TempDir();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding(936);
        File.WriteAllBytes(dir.File("gbk.csv"), gbk.GetBytes(Header + "120101,和平区,district,,,,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\r\n"));
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(dir.File("gbk.csv")));
        Assert.Equal(2, e.Line);
        Assert.Equal("和平区", DivisionFiles.Read(dir.File("gbk.csv"), new DivisionReadOptions { Encoding = gbk }).Set.Divisions[0].Name);
    }

    private static BoundariesFormatException ReadText(string text)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), text, new UTF8Encoding(false));
        return Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(dir.File("t.csv")));
    }
}
