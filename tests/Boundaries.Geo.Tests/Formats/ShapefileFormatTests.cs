using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Formats;

/// <summary>Shapefiles written by GDAL's ogr2ogr from a GeoJSON we wrote: the names we read must equal the source names.</summary>
public sealed class ShapefileFormatTests
{
    [Fact]
    public void ReadsGbkShapefileThatOgr2ogrWrote()
    {
        using var dir = new TempDir();
        var set = WriteShapefile(dir, "GBK");
        Assert.Equal("GBK", File.ReadAllText(dir.File("out.cpg")).Trim());
        var result = DivisionFiles.Read(dir.File("out.shp"));
        Assert.Equal("shp", result.Format);
        Assert.True(result.CrsStated);
        Assert.Equal(CrsCode.Cgcs2000, result.Set.Crs);
        Assert.Equal(set.Divisions.Select(d => d.Name), result.Set.Divisions.Select(d => d.Name));
        AssertSameDivisions(set, result.Set, attributesAsText: false);
        Assert.Contains("from out.cpg", Assert.Single(result.Notes));
    }

    [Fact]
    public void WrongCpgIsDetectedAndReported()
    {
        using var dir = new TempDir();
        var set = WriteShapefile(dir, "GBK");
        File.WriteAllText(dir.File("out.cpg"), "UTF-8");
        var result = DivisionFiles.Read(dir.File("out.shp"));
        Assert.Equal(set.Divisions.Select(d => d.Name), result.Set.Divisions.Select(d => d.Name));
        Assert.Contains("says 'UTF-8' but the text is not valid UTF-8; read as GBK", Assert.Single(result.Notes));
    }

    [Fact]
    public void WithoutCpgGbkIsDetected()
    {
        using var dir = new TempDir();
        var set = WriteShapefile(dir, "GBK");
        File.Delete(dir.File("out.cpg"));
        var result = DivisionFiles.Read(dir.File("out.shp"));
        Assert.Equal(set.Divisions.Select(d => d.Name), result.Set.Divisions.Select(d => d.Name));
        Assert.Contains("no .cpg file; the text is not valid UTF-8, read as GBK", Assert.Single(result.Notes));
    }

    [Fact]
    public void WithoutCpgUtf8IsDetected()
    {
        using var dir = new TempDir();
        var set = WriteShapefile(dir, "UTF-8");
        File.Delete(dir.File("out.cpg"));
        var result = DivisionFiles.Read(dir.File("out.shp"));
        Assert.Equal(set.Divisions.Select(d => d.Name), result.Set.Divisions.Select(d => d.Name));
        Assert.Contains("valid UTF-8, read as UTF-8", Assert.Single(result.Notes));
    }

    [Theory]
    [InlineData(4548)]
    [InlineData(4527)]
    public void GaussKrugerPrjGivesTheZone(int epsg)
    {
        using var dir = new TempDir();
        WriteShapefile(dir, "UTF-8", "-s_srs", "EPSG:4490", "-t_srs", $"EPSG:{epsg}");
        var result = DivisionFiles.Read(dir.File("out.shp"));
        Assert.Equal(epsg, result.Set.Crs.Epsg);
        Assert.True(result.CrsStated);
    }

    [Fact]
    public void UnknownPrjNamesTheFileAndSaysToPassFrom()
    {
        using var dir = new TempDir();
        WriteShapefile(dir, "UTF-8", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:32650");
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(dir.File("out.shp")));
        Assert.EndsWith("out.prj", e.Path);
        Assert.Contains("--from", e.Message);
        var overridden = DivisionFiles.Read(dir.File("out.shp"), new DivisionReadOptions { Crs = CrsCode.WebMercator });
        Assert.Equal(CrsCode.WebMercator, overridden.Set.Crs);
    }

    [Theory]
    [InlineData("dbf")]
    [InlineData("shx")]
    public void MissingCompanionFileIsNamed(string extension)
    {
        using var dir = new TempDir();
        WriteShapefile(dir, "GBK");
        File.Delete(dir.File("out." + extension));
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(dir.File("out.shp")));
        Assert.Contains($"out.{extension} is missing", e.Message);
    }

    [Fact]
    public void UnknownCpgIsRefused()
    {
        using var dir = new TempDir();
        WriteShapefile(dir, "GBK");
        File.WriteAllText(dir.File("out.cpg"), "KLINGON-7");
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(dir.File("out.shp")));
        Assert.EndsWith("out.cpg", e.Path);
    }

    private static DivisionSet WriteShapefile(TempDir dir, string encoding, params string[] extra)
    {
        var set = SampleSet();
        // shapefile fields are short and typed per column: keep the attributes every row has in the same type
        set = set with { Divisions = [.. set.Divisions.Select(d => d with { Attributes = d.Attributes.Remove("note").Remove("merged") })] };
        DivisionFiles.Write(set, dir.File("in.geojson"));
        // our lon/lat GeoJSON carries no crs member (RFC 7946), which GDAL takes as WGS 84: state CGCS2000
        string[] srs = extra.Length == 0 ? ["-a_srs", "EPSG:4490"] : extra;
        GdalOk("ogr2ogr", ["-f", "ESRI Shapefile", "-lco", $"ENCODING={encoding}", .. srs, dir.File("out.shp"), dir.File("in.geojson")]);
        return set;
    }
}
