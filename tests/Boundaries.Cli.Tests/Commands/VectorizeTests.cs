using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Cli.Tests.Commands;

public sealed class VectorizeTests
{
    // linework

    [Fact]
    public void BuildsTheTownshipsFromLinesAndLabelsInLonLat()
    {
        using var dir = new TempDir();
        var townships = WriteLinework(dir, dropLabelOf: null);
        var run = CliRun.Of("vectorize", "--lines", dir.File("lines.geojson"), "--labels", dir.File("labels.geojson"), "--output", dir.File("out.gpkg"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(townships.Count, run.Json().GetProperty("divisions").GetInt32());
        var written = DivisionFiles.Read(dir.File("out.gpkg")).Set;
        Assert.Equal(townships.Select(t => t.Code).Order(), written.Divisions.Select(d => d.Code).Order());
        // GDAL opens what was written
        var (exit, info, _) = CliRun.Tool("ogrinfo", "-so", "-al", dir.File("out.gpkg"));
        Assert.Equal(0, exit);
        Assert.Contains($"Feature Count: {townships.Count}", info, StringComparison.Ordinal);
    }

    [Fact]
    public void ExitsOneAndNamesTheUnlabelledFaceInChinese()
    {
        using var dir = new TempDir();
        var townships = WriteLinework(dir, dropLabelOf: 4);
        var run = CliRun.Of("vectorize", "--lines", dir.File("lines.geojson"), "--labels", dir.File("labels.geojson"), "-o", dir.File("out.geojson"), "--lang", "zh-CN");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"已生成 {townships.Count - 1} 个区划", run.Out, StringComparison.Ordinal);
        Assert.Contains("没有标注点", run.Out, StringComparison.Ordinal);
        Assert.Contains("错误 1 处", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsHalfAnInput()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("vectorize", "--raster", dir.File("x.tif"), "-o", dir.File("out.gpkg"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--table", run.Error, StringComparison.Ordinal);
    }

    // label map

    [Fact]
    public void VectorizesAGdalWrittenGeoTiffAndReportsUnknownValues()
    {
        using var dir = new TempDir();
        var tif = WriteRaster(dir);
        File.WriteAllLines(dir.File("codes.csv"), ["value,code,name", "1,120101001,甲街道", "2,120101002,乙街道", "3,120101003,丙街道"]);
        var run = CliRun.Of("vectorize", "--raster", tif, "--table", dir.File("codes.csv"), "-o", dir.File("out.geojson"), "--simplify", "0", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var json = run.Json();
        Assert.Equal(3, json.GetProperty("divisions").GetInt32());
        var unknown = Assert.Single(json.GetProperty("findings").EnumerateArray());
        Assert.Equal("unknown_raster_value", unknown.GetProperty("code").GetString());
        Assert.Equal(7, unknown.GetProperty("value").GetInt64());
        Assert.Equal(2, unknown.GetProperty("measure").GetDouble());

        // areas in the Gauss-Krüger metres of the map: 10 m pixels; 甲 has 5 pixels, 乙 4, 丙 3
        var written = DivisionFiles.Read(dir.File("out.geojson")).Set;
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Parse("EPSG:4548"));
        var areas = written.Divisions.ToDictionary(d => d.Code, d => toGk.Transform(d.Geometry).Area);
        Assert.Equal(500, areas["120101001"], 1e-3);
        Assert.Equal(400, areas["120101002"], 1e-3);
        Assert.Equal(300, areas["120101003"], 1e-3);

        var strict = CliRun.Of("vectorize", "--raster", tif, "--table", dir.File("codes.csv"), "-o", dir.File("strict.geojson"), "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("pixel value 7 is not in the code table (2 pixels)", strict.Out, StringComparison.Ordinal);
    }

    // helpers

    /// <summary>Township linework and labels of a small generated city as lon/lat GeoJSON files.</summary>
    private static List<Division> WriteLinework(TempDir dir, int? dropLabelOf)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 5, Size = CitySize.Small });
        var townships = city.Divisions.OfLevel(DivisionLevel.Township).ToList();
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(1000), 4548);
        var rings = townships.SelectMany(t => LinearComponentExtracter.GetLines(t.Geometry).Cast<LineString>()).ToArray();
        var lines = UnaryUnionNG.Union((Geometry)factory.CreateMultiLineString(rings), factory.PrecisionModel);
        var toLonLat = CoordinateTransformer.Create(CrsCode.Parse("EPSG:4548"), CrsCode.Cgcs2000);
        var lineFeatures = new FeatureCollection();
        for (var i = 0; i < lines.NumGeometries; i++)
        {
            lineFeatures.Add(new Feature(toLonLat.Transform(lines.GetGeometryN(i)), new AttributesTable()));
        }
        var labelFeatures = new FeatureCollection();
        for (var i = 0; i < townships.Count; i++)
        {
            if (i == dropLabelOf)
            {
                continue;
            }
            var t = townships[i];
            foreach (var part in Enumerable.Range(0, t.Geometry.NumGeometries).Select(t.Geometry.GetGeometryN))
            {
                labelFeatures.Add(new Feature(toLonLat.Transform(part.InteriorPoint),
                    new AttributesTable { { "code", t.Code }, { "name", t.Name }, { "parent", t.ParentCode } }));
            }
        }
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        File.WriteAllText(dir.File("lines.geojson"), JsonSerializer.Serialize(lineFeatures, options));
        File.WriteAllText(dir.File("labels.geojson"), JsonSerializer.Serialize(labelFeatures, options));
        return townships;
    }

    /// <summary>A 4×4 label map written by GDAL from an ASCII grid: 10 m pixels in EPSG:4548, 0 = no data, 7 unknown.</summary>
    private static string WriteRaster(TempDir dir)
    {
        File.WriteAllText(dir.File("map.asc"), """
            ncols 4
            nrows 4
            xllcorner 517000
            yllcorner 4329000
            cellsize 10
            NODATA_value 0
            1 1 1 2
            1 1 2 2
            3 7 2 0
            3 3 7 0
            """);
        var tif = dir.File("map.tif");
        var (exit, _, error) = CliRun.Tool("gdal_translate", "-q", "-a_srs", "EPSG:4548", "-ot", "Int16", "-co", "COMPRESS=DEFLATE", dir.File("map.asc"), tif);
        Assert.True(exit == 0, error);
        return tif;
    }
}
