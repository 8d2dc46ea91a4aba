using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Tests.Crs;
using Boundaries.Geo.Vectorize;

namespace Boundaries.Geo.Tests.Vectorize;

public sealed class LineworkFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vectorize-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("gpkg", "GPKG")]
    [InlineData("shp", "ESRI Shapefile")]
    [InlineData("geojson", "GeoJSON")]
    public void ReadsLinesAndLabelsThatGdalWrote(string ext, string driver)
    {
        // the CSV (WKT) files are ours; GDAL converts them, with the coordinate system, to the other formats
        var lines = VectorizeFixtures.Linework().Take(40).ToList();
        var labels = VectorizeFixtures.Labels().Take(12).ToList();
        File.WriteAllLines(Path.Combine(_dir, "lines.csv"), ["id,wkt", .. lines.Select((l, i) => $"{i},\"{l.AsText()}\"")]);
        File.WriteAllLines(Path.Combine(_dir, "labels.csv"),
            ["code,name,level,parent,wkt", .. labels.Select(l => $"{l.Code},{l.Name},township,{l.ParentCode},\"{l.Location.AsText()}\"")]);
        var (fromLines, linesCrs) = LineworkFiles.ReadLines(Path.Combine(_dir, "lines.csv"), CrsCode.Parse("EPSG:4548"));
        Assert.Equal(lines.Count, fromLines.Length);
        Assert.Equal(CrsCode.Parse("EPSG:4548"), linesCrs);

        var target = ext == "geojson" ? CrsCode.Cgcs2000 : CrsCode.Parse("EPSG:4548");
        foreach (var name in new[] { "lines", "labels" })
        {
            // a shapefile's attributes default to ISO-8859-1, which cannot hold Chinese names
            string[] layerOptions = ext == "shp" ? ["-lco", "ENCODING=UTF-8"] : [];
            ExternalTool.Run("ogr2ogr", [.. layerOptions, "-f", driver, "-s_srs", "EPSG:4548", "-t_srs", "EPSG:" + target.Epsg, "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO",
                Path.Combine(_dir, $"{name}.{ext}"), Path.Combine(_dir, $"{name}.csv")]);
        }
        var (readLines, crs) = LineworkFiles.ReadLines(Path.Combine(_dir, "lines." + ext));
        Assert.Equal(target, crs);
        Assert.Equal(lines.Count, readLines.Length);
        var toGk = CoordinateTransformer.Create(crs, CrsCode.Parse("EPSG:4548"));
        Assert.Equal(lines.Sum(l => l.Length), readLines.Sum(l => toGk.Transform(l).Length), 1e-3);

        var (readLabels, labelsCrs) = LineworkFiles.ReadLabels(Path.Combine(_dir, "labels." + ext));
        Assert.Equal(target, labelsCrs);
        Assert.Equal(labels.Select(l => l.Code), readLabels.Select(l => l.Code));
        Assert.Equal(labels.Select(l => l.Name), readLabels.Select(l => l.Name));
        Assert.All(readLabels, l => Assert.Equal(DivisionLevel.Township, l.Level));
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.True(toGk.Transform(readLabels[i].Location).Distance(labels[i].Location) < 0.001);
        }
    }

    [Fact]
    public void NamesTheFeatureWithoutACode()
    {
        var path = Path.Combine(_dir, "labels.csv");
        File.WriteAllLines(path, ["code,name,wkt", "120101001,甲,POINT (1 2)", ",乙,POINT (3 4)"]);
        var e = Assert.Throws<BoundariesFormatException>(() => LineworkFiles.ReadLabels(path));
        Assert.Equal("#1", e.Feature);
        Assert.Equal("code", e.Field);
    }
}
