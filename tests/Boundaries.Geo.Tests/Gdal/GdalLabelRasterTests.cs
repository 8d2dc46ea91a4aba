using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Tests.Crs;
using Boundaries.Geo.Tests.Vectorize;
using Boundaries.Geo.Vectorize;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>
/// Label maps the built-in TIFF reader refuses (tiled, BigTIFF, float samples) or formats it does not read, made by
/// <c>gdal_translate</c> from the strip GeoTIFF, are read through GDAL and vectorize to exactly the same divisions.
/// </summary>
public sealed class GdalLabelRasterTests : IDisposable
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private readonly string dir = Directory.CreateTempSubdirectory("gdal-label-raster-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static CityRaster City => CityRaster.Small;

    [Theory]
    [InlineData("tiled.tif", true, "-co", "TILED=YES", "-co", "BLOCKXSIZE=16", "-co", "BLOCKYSIZE=16")]
    [InlineData("big.tif", true, "-co", "BIGTIFF=YES")]
    [InlineData("float.tif", true, "-ot", "Float32")]
    [InlineData("city.img", false, "-of", "HFA")]
    public void VectorizesTheSameAsFromTheStripTiff(string name, bool tiff, params string[] options)
    {
        var strip = Path.Combine(dir, "strip.tif");
        City.WriteTiff(strip);
        var other = Path.Combine(dir, name);
        ExternalTool.Run("gdal_translate", ["-q", .. options, strip, other]);
        if (tiff)
        {
            // the built-in reader refuses it, so the result below came through GDAL
            Assert.Throws<BoundariesFormatException>(() => TiffReader.Read(File.ReadAllBytes(other), other));
        }

        var expected = RasterFiles.Read(strip);
        var read = RasterFiles.Read(other);
        Assert.Equal((expected.Width, expected.Height), (read.Width, read.Height));
        var firstDifference = Enumerable.Range(0, expected.Values.Length).FirstOrDefault(i => expected.Values[i] != read.Values[i], -1);
        Assert.True(firstDifference < 0, $"pixel {firstDifference}: {(firstDifference < 0 ? 0 : expected.Values[firstDifference])} vs {(firstDifference < 0 ? 0 : read.Values[firstDifference])}");
        Assert.Equal(expected.Transform, read.Transform);
        Assert.Equal(Gk, read.Crs);
        Assert.Equal(expected.NoData, read.NoData);

        var table = Path.Combine(dir, "codes.csv");
        City.WriteTable(table);
        var options0 = new RasterVectorizeOptions { NoDataValue = 0 };
        var fromStrip = RasterVectorizer.Build(expected, RasterCodeTable.Read(table), options0).MetricDivisions.Divisions;
        var fromOther = RasterVectorizer.Build(read, RasterCodeTable.Read(table), options0).MetricDivisions.Divisions;
        Assert.Equal(fromStrip.Select(d => d.Code), fromOther.Select(d => d.Code));
        Assert.All(fromStrip.Zip(fromOther), p => Assert.True(p.First.Geometry.EqualsExact(p.Second.Geometry), p.First.Code));
    }

    [Fact]
    public void AFloatValueThatIsNotWholeIsAnErrorNamingThePixel()
    {
        var strip = Path.Combine(dir, "strip.tif");
        City.WriteTiff(strip);
        var halves = Path.Combine(dir, "halves.tif");
        // v → v / 2: every odd value becomes a half
        ExternalTool.Run("gdal_translate", ["-q", "-ot", "Float32", "-scale", "0", "2", "0", "1", strip, halves]);
        var e = Assert.Throws<BoundariesFormatException>(() => RasterFiles.Read(halves));
        Assert.Contains("not a whole number", e.Message, StringComparison.Ordinal);
        Assert.Contains("column", e.Message, StringComparison.Ordinal);
        Assert.Equal("band 1", e.Field);
    }
}
