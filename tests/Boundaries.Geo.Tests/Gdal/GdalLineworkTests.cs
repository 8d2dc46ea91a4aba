using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Tests.Crs;
using Boundaries.Geo.Tests.Vectorize;
using Boundaries.Geo.Vectorize;
using NetTopologySuite.Coverage;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>
/// Linework and labels from CAD drawings (DXF written by hand, read through GDAL): the vectorizer rebuilds the same
/// townships as the generated city the lines came from.
/// </summary>
public sealed class GdalLineworkTests : IDisposable
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private readonly string dir = Directory.CreateTempSubdirectory("gdal-linework-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LinesAndBlockAttributeLabelsFromOneDrawingRebuildTheTownships(bool gbk)
    {
        var lines = VectorizeFixtures.Linework();
        var labels = VectorizeFixtures.Labels();
        var path = Path.Combine(dir, "city.dxf");
        DxfTestWriter.Write(path, new DxfTestWriter.Drawing { Lines = lines, BlockLabels = labels }, gbk);

        // GDAL's own count: one feature per line and per INSERT (block references kept as points)
        var info = ExternalTool.Run("ogrinfo", ["-so", "-al", "--config", "DXF_INLINE_BLOCKS", "FALSE", path, "entities"]);
        Assert.Contains($"Feature Count: {lines.Count + labels.Count}", info, StringComparison.Ordinal);

        var (readLines, linesCrs) = LineworkFiles.ReadLines(path, Gk);
        Assert.Equal(Gk, linesCrs);
        Assert.Equal(lines.Count, readLines.Length);
        Assert.Equal(lines.Sum(l => l.Length), readLines.Sum(l => l.Length), 1e-6);

        var (readLabels, labelsCrs) = LineworkFiles.ReadLabels(path, Gk);
        Assert.Equal(Gk, labelsCrs);
        Assert.Equal(labels.Select(l => (l.Code, l.Name, l.ParentCode)), readLabels.Select(l => (l.Code, l.Name, l.ParentCode)));
        Assert.All(labels.Zip(readLabels), p => Assert.True(p.First.Location.Distance(p.Second.Location) < 1e-6));

        var result = LineworkVectorizer.Build(readLines, linesCrs, readLabels, labelsCrs);
        Assert.Empty(result.Findings);
        CheckSameAsTownships(result, namesToo: true);
    }

    [Fact]
    public void TextLabelsThatAreDivisionCodesLabelTheFacesAndOtherTextIsIgnored()
    {
        var lines = VectorizeFixtures.Linework();
        var labels = VectorizeFixtures.Labels();
        var notCodes = labels.Take(3).Select(l => l with { Code = "某某路" }).ToList();
        var path = Path.Combine(dir, "city.dxf");
        DxfTestWriter.Write(path, new DxfTestWriter.Drawing { Lines = lines, TextLabels = [.. labels, .. notCodes] });

        var (readLabels, _) = LineworkFiles.ReadLabels(path, Gk);
        Assert.Equal(labels.Select(l => l.Code), readLabels.Select(l => l.Code));
        var result = LineworkVectorizer.Build(LineworkFiles.ReadLines(path, Gk).Lines, Gk, readLabels, Gk);
        Assert.DoesNotContain(result.Findings, f => f.Severity == VectorizeSeverity.Error);
        CheckSameAsTownships(result, namesToo: false);
    }

    [Fact]
    public void ADrawingWithoutACoordinateSystemNeedsOne()
    {
        var path = Path.Combine(dir, "city.dxf");
        DxfTestWriter.Write(path, new DxfTestWriter.Drawing { Lines = VectorizeFixtures.Linework().Take(3).ToList() });
        var e = Assert.Throws<BoundariesFormatException>(() => LineworkFiles.ReadLines(path));
        Assert.Equal("crs", e.Field);
        Assert.Contains("--from", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADrawingWithoutLabelsSaysWhatALabelIs()
    {
        var path = Path.Combine(dir, "city.dxf");
        DxfTestWriter.Write(path, new DxfTestWriter.Drawing { Lines = VectorizeFixtures.Linework().Take(3).ToList() });
        var e = Assert.Throws<BoundariesFormatException>(() => LineworkFiles.ReadLabels(path, Gk));
        Assert.Contains("CODE", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KmlLinesAndLabelsMadeByOgr2ogrAreReadInLonLat()
    {
        var lines = VectorizeFixtures.Linework();
        var labels = VectorizeFixtures.Labels();
        File.WriteAllLines(Path.Combine(dir, "lines.csv"), ["id,wkt", .. lines.Select((l, i) => $"{i},\"{l.AsText()}\"")]);
        File.WriteAllLines(Path.Combine(dir, "labels.csv"),
            ["code,name,parent,wkt", .. labels.Select(l => $"{l.Code},{l.Name},{l.ParentCode},\"{l.Location.AsText()}\"")]);
        foreach (var name in new[] { "lines", "labels" })
        {
            ExternalTool.Run("ogr2ogr", ["-f", "KML", "-s_srs", "EPSG:4548", "-t_srs", "EPSG:4326", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO",
                Path.Combine(dir, name + ".kml"), Path.Combine(dir, name + ".csv")]);
        }
        var (readLines, crs) = LineworkFiles.ReadLines(Path.Combine(dir, "lines.kml"));
        Assert.Equal(CrsCode.Wgs84, crs);
        var (readLabels, _) = LineworkFiles.ReadLabels(Path.Combine(dir, "labels.kml"));
        Assert.Equal(labels.Select(l => l.Code), readLabels.Select(l => l.Code));
        var result = LineworkVectorizer.Build(readLines, crs, readLabels, crs);
        Assert.DoesNotContain(result.Findings, f => f.Severity == VectorizeSeverity.Error);
        Assert.Equal(VectorizeFixtures.Townships.Select(t => t.Code).Order(), result.Divisions.Divisions.Select(d => d.Code).Order());
    }

    private static void CheckSameAsTownships(VectorizeResult result, bool namesToo)
    {
        var expected = VectorizeFixtures.Townships.ToDictionary(t => t.Code);
        var built = result.MetricDivisions.Divisions;
        Assert.Equal(expected.Keys.Order(), built.Select(d => d.Code).Order());
        foreach (var d in built)
        {
            var original = expected[d.Code];
            if (namesToo)
            {
                Assert.Equal(original.Name, d.Name);
                Assert.Equal(original.ParentCode, d.ParentCode);
            }
            var diff = d.Geometry.SymmetricDifference(original.Geometry).Area;
            Assert.True(diff <= 1e-6 * original.Geometry.Area, $"{d.Code}: symmetric difference {diff} m²");
        }
        Assert.All(CoverageValidator.Validate([.. built.Select(d => d.Geometry)]), e => Assert.Null(e));
    }
}
