using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Tests.Crs;
using Boundaries.Geo.Vectorize;
using NetTopologySuite.Coverage;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Geo.Tests.Vectorize;

public sealed class RasterVectorizerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vectorize-raster-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CityRaster City => CityRaster.Small;

    // the test writers, checked by GDAL

    [Fact]
    public void GdalinfoReadsTheTestGeoTiffWithTheSameGeotransformAndEpsg()
    {
        var tif = Path.Combine(_dir, "city.tif");
        City.WriteTiff(tif);
        using var info = JsonDocument.Parse(ExternalTool.Run("gdalinfo", ["-json", tif]));
        var gt = info.RootElement.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal([City.OriginX, CityRaster.Pixel, 0, City.OriginY, 0, -CityRaster.Pixel], gt);
        var wkt = info.RootElement.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
        Assert.EndsWith("ID[\"EPSG\",4548]]", wkt.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal([City.Width, City.Height], info.RootElement.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()).ToArray());
    }

    // readers, checked against files GDAL writes

    [Theory]
    [InlineData("COMPRESS=NONE", "PREDICTOR=1")]
    [InlineData("COMPRESS=LZW", "PREDICTOR=1")]
    [InlineData("COMPRESS=LZW", "PREDICTOR=2")]
    [InlineData("COMPRESS=DEFLATE", "PREDICTOR=2")]
    public void ReadsTheGeoTiffsGdalWrites(string compress, string predictor)
    {
        var tif = Path.Combine(_dir, "city.tif");
        City.WriteTiff(tif);
        var gdal = Path.Combine(_dir, "gdal.tif");
        ExternalTool.Run("gdal_translate", ["-q", "-co", compress, "-co", predictor, "-co", "BLOCKYSIZE=7", tif, gdal]);
        var raster = RasterFiles.Read(gdal);
        Assert.Equal((City.Width, City.Height), (raster.Width, raster.Height));
        Assert.Equal(City.Values, raster.Values.ToArray());
        Assert.Equal(CrsCode.Parse("EPSG:4548"), raster.Crs);
        Assert.Equal(0, raster.NoData);
        Assert.Equal(new RasterGeoTransform(City.OriginX, CityRaster.Pixel, 0, City.OriginY, 0, -CityRaster.Pixel), raster.Transform);
    }

    [Theory]
    [InlineData("Byte", null)]
    [InlineData("UInt16", null)]
    [InlineData("Byte", "NBITS=4")]
    [InlineData("Byte", "NBITS=2")]
    [InlineData("Byte", "NBITS=1")]
    public void ReadsThePngsGdalWritesWithTheirWorldFile(string type, string? nbits)
    {
        var tif = Path.Combine(_dir, "city.tif");
        City.WriteTiff(tif);
        var bits = nbits is null ? 16 : int.Parse(nbits[6..], CultureInfo.InvariantCulture);
        var mask = (1L << Math.Min(bits, type == "Byte" ? 8 : 16)) - 1;
        var png = Path.Combine(_dir, "gdal.png");
        List<string> args = ["-q", "-of", "PNG", "-ot", type, "-co", "WORLDFILE=YES"];
        if (nbits is not null)
        {
            // keep the values inside the bit depth: GDAL would clip them, we compare against value & mask
            var small = Path.Combine(_dir, "small.tif");
            TiffTestWriter.Write(small, City.Width, City.Height, [.. City.Values.Select(v => v & mask)], City.OriginX, City.OriginY, CityRaster.Pixel, 4548, null);
            tif = small;
            args.AddRange(["-co", nbits]);
        }
        ExternalTool.Run("gdal_translate", [.. args, tif, png]);
        var raster = RasterFiles.Read(png, CrsCode.Parse("EPSG:4548"));
        Assert.Equal([.. City.Values.Select(v => v & mask)], raster.Values.ToArray());
        var t = raster.Transform;
        Assert.Equal(City.OriginX, t.OriginX, 1e-6);
        Assert.Equal(City.OriginY, t.OriginY, 1e-6);
        Assert.Equal(CityRaster.Pixel, t.PixelWidth, 1e-9);
        Assert.Equal(-CityRaster.Pixel, t.PixelHeight, 1e-9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void ReadsPaletteIndicesAndEveryRowFilter(int depth)
    {
        var (w, h) = (37, 23);
        var values = Enumerable.Range(0, w * h).Select(i => (long)((i * 7 + i / w) % (1 << depth))).ToArray();
        var png = Path.Combine(_dir, "palette.png");
        File.WriteAllBytes(png, PngTestEncoder.Encode(w, h, values, depth, palette: true));
        File.WriteAllLines(Path.ChangeExtension(png, ".wld"), ["1", "0", "0", "-1", "0.5", "-0.5"]);
        // GDAL's reading of the same file is the oracle for our encoder and decoder alike
        var gdal = ExternalTool.Run("gdal_translate", ["-q", "-of", "XYZ", png, "/vsistdout/"]);
        var gdalValues = gdal.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => long.Parse(l.Split(' ')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(values, gdalValues);
        Assert.Equal(values, RasterFiles.Read(png, CrsCode.Parse("EPSG:4548")).Values.ToArray());
    }

    // vectorizing

    [Fact]
    public void TracesExactlyThePixelAreasGdalPolygonizeFinds()
    {
        var tif = Path.Combine(_dir, "city.tif");
        City.WriteTiff(tif);
        var json = Path.Combine(_dir, "polygonized.geojson");
        ExternalTool.Run("/usr/bin/python3", ["/usr/bin/gdal_polygonize.py", "-q", tif, "-f", "GeoJSON", json, "out", "DN"]);
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var features = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(json), options)!;
        var gdalArea = features.GroupBy(f => Convert.ToInt64(f.Attributes["DN"], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Sum(f => f.Geometry.Area));

        var table = Path.Combine(_dir, "codes.csv");
        City.WriteTable(table);
        var result = RasterVectorizer.Build(RasterFiles.Read(tif), RasterCodeTable.Read(table), new RasterVectorizeOptions { SimplifyPixels = 0 });
        Assert.Empty(result.Findings);
        var mine = result.MetricDivisions.Divisions.ToDictionary(d => d.Code, d => d.Geometry.Area);
        Assert.Equal(gdalArea.Count, mine.Count);
        foreach (var (value, area) in gdalArea)
        {
            var code = City.Townships[(int)value - 1].Code;
            Assert.Equal(area, mine[code]);
            Assert.Equal(area, City.Values.Count(v => v == value) * CityRaster.Pixel * CityRaster.Pixel);
        }
        Assert.All(CoverageValidator.Validate([.. result.MetricDivisions.Divisions.Select(d => d.Geometry)]), e => Assert.Null(e));
    }

    [Theory]
    [InlineData("tif", 0.75)]
    [InlineData("png", 0.75)]
    [InlineData("tif", 0)]
    public void RebuildsTheTownshipsWithinThePixelSize(string format, double simplify)
    {
        var map = Path.Combine(_dir, "city." + format);
        if (format == "tif")
        {
            City.WriteTiff(map);
        }
        else
        {
            City.WritePng(map);
        }
        var table = Path.Combine(_dir, "codes.csv");
        City.WriteTable(table);
        var result = RasterVectorizer.Build(RasterFiles.Read(map, CrsCode.Parse("EPSG:4548")), RasterCodeTable.Read(table),
            new RasterVectorizeOptions { SimplifyPixels = simplify, NoDataValue = 0 });
        Assert.Empty(result.Findings);
        var built = result.MetricDivisions.Divisions.ToDictionary(d => d.Code);
        var pixelArea = CityRaster.Pixel * CityRaster.Pixel;
        foreach (var t in City.Townships)
        {
            if (t.Geometry.Area < 50 * pixelArea)
            {
                continue;
            }
            Assert.True(built.ContainsKey(t.Code), $"{t.Code} missing");
            var d = built[t.Code];
            Assert.Equal(t.Name, d.Name);
            var diff = d.Geometry.SymmetricDifference(t.Geometry).Area;
            // the outline moves by at most a pixel, by half a pixel on average
            var bound = 0.6 * t.Geometry.Length * CityRaster.Pixel;
            Assert.True(diff < bound, $"{t.Code}: symmetric difference {diff:0} m² > {bound:0} m² (perimeter {t.Geometry.Length:0} m)");
        }
        Assert.All(CoverageValidator.Validate([.. result.MetricDivisions.Divisions.Select(d => d.Geometry)]), e => Assert.Null(e));
        Assert.All(CoverageValidator.Validate([.. result.Divisions.Divisions.Select(d => d.Geometry)]), e => Assert.Null(e));
        if (simplify > 0)
        {
            var traced = RasterVectorizer.Build(RasterFiles.Read(map, CrsCode.Parse("EPSG:4548")), RasterCodeTable.Read(table), new RasterVectorizeOptions { SimplifyPixels = 0, NoDataValue = 0 });
            Assert.True(result.MetricDivisions.VertexCount() < traced.MetricDivisions.VertexCount() * 0.8,
                $"simplification kept {result.MetricDivisions.VertexCount()} of {traced.MetricDivisions.VertexCount()} vertices");
        }
    }

    [Theory]
    [InlineData(false, VectorizeSeverity.Warning)]
    [InlineData(true, VectorizeSeverity.Error)]
    public void ReportsEachValueMissingFromTheTableWithItsPixelCount(bool strict, VectorizeSeverity severity)
    {
        var tif = Path.Combine(_dir, "city.tif");
        City.WriteTiff(tif);
        var table = Path.Combine(_dir, "codes.csv");
        var left = new[] { City.Townships[3].Code, City.Townships[8].Code };
        City.WriteTable(table, t => !left.Contains(t.Code));
        var result = RasterVectorizer.Build(RasterFiles.Read(tif), RasterCodeTable.Read(table), new RasterVectorizeOptions { Strict = strict });
        var unknown = result.Findings.Where(f => f.Code == VectorizeFindingCode.UnknownRasterValue).ToList();
        Assert.Equal([4L, 9L], unknown.Select(f => f.Value!.Value).ToArray());
        Assert.All(unknown, f => Assert.Equal(severity, f.Severity));
        Assert.Equal(City.Values.Count(v => v == 4), unknown[0].Measure);
        Assert.Equal(City.Values.Count(v => v == 9), unknown[1].Measure);
        Assert.DoesNotContain(result.Divisions.Divisions, d => left.Contains(d.Code));
        Assert.Equal(strict, result.HasErrors);
    }

    [Fact]
    public void TracesCheckerboardCornersAsSeparateFacesSharingTheirEdges()
    {
        // 1 2 / 2 1 : the 1s touch only at the centre corner
        var raster = new LabelRaster(2, 2, [1, 2, 2, 1], new RasterGeoTransform(500000, 10, 0, 4300000, 0, -10), CrsCode.Parse("EPSG:4548"), null);
        var table = new RasterCodeTable(new Dictionary<long, RasterCodeEntry>
        {
            [1] = new("120101001", "甲", null, null),
            [2] = new("120101002", "乙", null, null),
        }.ToImmutableDictionary());
        var result = RasterVectorizer.Build(raster, table, new RasterVectorizeOptions { SimplifyPixels = 0 });
        Assert.All(result.MetricDivisions.Divisions, d => Assert.Equal(2, d.Geometry.NumGeometries));
        Assert.All(result.MetricDivisions.Divisions, d => Assert.Equal(200, d.Geometry.Area, 1e-9));
        Assert.All(CoverageValidator.Validate([.. result.MetricDivisions.Divisions.Select(d => d.Geometry)]), e => Assert.Null(e));
    }
}
