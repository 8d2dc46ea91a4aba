using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Gdal;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;
using static Boundaries.Geo.Tests.Gdal.GdalTestData;
using TempDir = Boundaries.Geo.Tests.Formats.TempDir;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>A GBK CAD drawing, a GeoTIFF label map, and the bridge without libgdal.</summary>
public sealed class GdalEncodingAndRasterTests
{
    [Fact]
    public void GbkDxfDrawingGivesChineseTextAndOnlyClosedOutlinesAsDivisions()
    {
        using var dir = new TempDir();
        var dxf = dir.File("drawing.dxf");
        // a CASS-style drawing saved with the Simplified Chinese code page: one closed outline on a layer named by the
        // code, one open boundary line on a Chinese layer, one label
        var text = string.Join("\r\n",
            "0", "SECTION", "2", "HEADER", "9", "$DWGCODEPAGE", "3", "ANSI_936", "0", "ENDSEC",
            "0", "SECTION", "2", "ENTITIES",
            "0", "LWPOLYLINE", "8", "120101001", "90", "4", "70", "1", "10", "500000", "20", "4330000", "10", "500100", "20", "4330000", "10", "500100", "20", "4330100", "10", "500000", "20", "4330100",
            "0", "LWPOLYLINE", "8", "和平区界线", "90", "2", "70", "0", "10", "500100", "20", "4330000", "10", "500200", "20", "4330050",
            "0", "TEXT", "8", "注记", "10", "500050", "20", "4330050", "40", "5", "1", "劝业场街道",
            "0", "ENDSEC", "0", "EOF", "");
        File.WriteAllBytes(dxf, ShapefileEncoding.Gbk.GetBytes(text));
        var oracle = OgrInfoOracle.Features(dxf);
        Assert.Equal(3, oracle.Count);
        Assert.Equal("劝业场街道", oracle[2].Fields["Text"]);

        using (var dataset = GdalVectorDataset.Open(dxf))
        {
            var features = dataset.ReadFeatures(0).ToList();
            Assert.Equal(oracle.Select(o => o.Fields["Layer"]), features.Select(f => (string?)f.Attributes.Single(a => a.Key == "Layer").Value));
            Assert.Equal("劝业场街道", features[2].Attributes.Single(a => a.Key == "Text").Value);
            Assert.Equal("LineString", features[1].Geometry!.GeometryType);
            for (var i = 0; i < 3; i++)
            {
                Assert.True(oracle[i].Geometry!.EqualsExact(features[i].Geometry, 1e-9), $"#{i}");
            }
        }

        var read = DivisionFiles.Read(dxf, new DivisionReadOptions { CodeField = "Layer", Level = Boundaries.Geo.Model.DivisionLevel.Township, Crs = CrsCode.GaussKruger(39, false) });
        var division = Assert.Single(read.Set.Divisions);
        Assert.Equal("120101001", division.Code);
        Assert.Equal("Polygon", division.Geometry.GeometryType);
        Assert.Equal(10_000, division.Geometry.Area, 6);
        Assert.Contains(read.Notes, n => n.Contains("2 features are not areas", StringComparison.Ordinal) && n.Contains("1 LineString", StringComparison.Ordinal) && n.Contains("1 Point", StringComparison.Ordinal));
    }

    [Fact]
    public void GeoTiffLabelMapMatchesGdalinfoAndGdallocationinfo()
    {
        using var dir = new TempDir();
        var strips = dir.File("labels-strips.tif");
        var tif = dir.File("labels.tif");
        GdalOk("gdal_rasterize", "-q", "-a_srs", "EPSG:4490", "-tr", "0.005", "0.005", "-ot", "Int32", "-a", "label", "-a_nodata", "0",
            "-dialect", "SQLite", "-sql", "SELECT geom, CAST(substr(code, 7, 3) AS integer) AS label FROM township", SamplePath, strips);
        GdalOk("gdal_translate", "-q", "-co", "TILED=YES", "-co", "BLOCKXSIZE=16", "-co", "BLOCKYSIZE=16", strips, tif);
        using var info = JsonDocument.Parse(GdalOk("gdalinfo", "-json", "-stats", tif));
        var root = info.RootElement;
        var json = root.GetProperty("bands")[0];

        using var raster = GdalRasterDataset.Open(tif);
        Assert.Equal("GTiff", raster.Driver);
        Assert.Equal(root.GetProperty("size")[0].GetInt32(), raster.Width);
        Assert.Equal(root.GetProperty("size")[1].GetInt32(), raster.Height);
        Assert.Equal(CrsCode.Cgcs2000, raster.Crs);
        var gt = root.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(new GdalGeoTransform(gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]), raster.GeoTransform);

        var band = raster.Band(1);
        Assert.Equal("Int32", band.DataType);
        Assert.Equal(json.GetProperty("noDataValue").GetDouble(), band.NoData);
        Assert.Equal(16, band.BlockWidth);
        Assert.Equal(16, band.BlockHeight);

        // assemble the whole band from its blocks and compare statistics (no-data excluded) with gdalinfo -stats
        var pixels = new double[raster.Width * raster.Height];
        var blocks = 0;
        foreach (var block in band.Blocks())
        {
            blocks++;
            for (var r = 0; r < block.Height; r++)
            {
                for (var c = 0; c < block.Width; c++)
                {
                    pixels[((block.Row + r) * raster.Width) + block.Column + c] = block[c, r];
                }
            }
        }
        Assert.Equal(((raster.Width + 15) / 16) * ((raster.Height + 15) / 16), blocks);
        var valid = pixels.Where(v => v != band.NoData).ToArray();
        Assert.Equal(json.GetProperty("minimum").GetDouble(), valid.Min());
        Assert.Equal(json.GetProperty("maximum").GetDouble(), valid.Max());
        // gdalinfo -json prints the mean with 3 decimals
        Assert.Equal(json.GetProperty("mean").GetDouble(), valid.Average(), 3);

        // single pixels, each checked with gdallocationinfo
        var random = new Random(7);
        for (var i = 0; i < 12; i++)
        {
            var x = random.Next(raster.Width);
            var y = random.Next(raster.Height);
            var expected = double.Parse(GdalOk("gdallocationinfo", "-valonly", tif, x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture)).Trim(), CultureInfo.InvariantCulture);
            Assert.Equal(expected, pixels[(y * raster.Width) + x]);
            Assert.Equal(expected, band.Read(x, y, 1, 1).Values[0]);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => band.Read(raster.Width - 1, 0, 2, 1));
    }

    [Fact]
    public void RasterOpenOfAVectorFileIsRefusedWithGdalsMessage()
    {
        var e = Assert.Throws<BoundariesFormatException>(() => GdalRasterDataset.Open(SamplePath));
        Assert.Equal(SamplePath, e.Path);
        Assert.Contains("raster", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingLibraryIsReportedWithTheDebianPackage()
    {
        Assert.False(GdalLibrary.TryLoad("libgdal-not-installed.so.99", out _, out var error));
        var e = new GdalUnavailableException("libgdal-not-installed.so.99", "/data/city.dxf", error);
        Assert.Contains("/data/city.dxf", e.Message, StringComparison.Ordinal);
        Assert.Contains("libgdal32", e.Message, StringComparison.Ordinal);
        Assert.Contains("gdal-bin", e.Message, StringComparison.Ordinal);
        Assert.Contains("libgdal-not-installed.so.99", e.Message, StringComparison.Ordinal);
        // a library that loads but is not GDAL is refused too
        Assert.False(GdalLibrary.TryLoad("libc.so.6", out _, out var notGdal));
        Assert.Contains("GDALOpenEx", notGdal!.Message, StringComparison.Ordinal);
        Assert.True(GdalLibrary.TryLoad(GdalLibrary.DefaultLibrary, out _, out _), "libgdal.so.32 must be installed for the tests (apt-get install gdal-bin)");
        Assert.StartsWith("3.", GdalLibrary.Version, StringComparison.Ordinal);
    }
}
