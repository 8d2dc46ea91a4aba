using System.Text;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Formats;

public sealed class GeoJsonFormatTests
{
    // round trip

    [Fact]
    public void RoundTripKeepsFieldsAttributesAndAllDigits()
    {
        using var dir = new TempDir();
        var set = SampleSet();
        DivisionFiles.Write(set, dir.File("a.geojson"));
        var result = DivisionFiles.Read(dir.File("a.geojson"));
        Assert.Equal("geojson", result.Format);
        Assert.False(result.CrsStated);
        Assert.Equal(CrsCode.Cgcs2000, result.Set.Crs);
        AssertSameDivisions(set, result.Set);
    }

    [Fact]
    public void WritesChineseAsTextAndFullPrecisionNumbers()
    {
        using var dir = new TempDir();
        DivisionFiles.Write(SampleSet(), dir.File("a.json"));
        var text = File.ReadAllText(dir.File("a.json"), Encoding.UTF8);
        Assert.Contains("劝业场街道", text);
        Assert.DoesNotContain("\\u", text);
        Assert.Contains("117.123456789012", text);
    }

    [Fact]
    public void WritesShellsCounterClockwiseWithoutChangingTheInput()
    {
        using var dir = new TempDir();
        var set = SampleSet();
        var before = set.Divisions[1].Geometry.Coordinates.Select(c => c.Copy()).ToArray();
        Assert.False(Orientation.IsCCW(((Polygon)set.Divisions[1].Geometry).Shell.CoordinateSequence));
        DivisionFiles.Write(set, dir.File("a.geojson"));

        Assert.Equal(before, set.Divisions[1].Geometry.Coordinates);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(dir.File("a.geojson")));
        var rings = doc.RootElement.GetProperty("features")[1].GetProperty("geometry").GetProperty("coordinates");
        Assert.True(IsCcw(rings[0]), "exterior ring must be counter-clockwise");
        Assert.False(IsCcw(rings[1]), "hole must be clockwise");
    }

    [Fact]
    public void ProjectedSetGetsACrsMemberThatReadsBack()
    {
        using var dir = new TempDir();
        var set = SampleSet(CrsCode.GaussKruger(39, zonePrefixed: false));
        DivisionFiles.Write(set, dir.File("gk.geojson"));
        var result = DivisionFiles.Read(dir.File("gk.geojson"));
        Assert.True(result.CrsStated);
        Assert.Equal(4548, result.Set.Crs.Epsg);
        AssertSameDivisions(set, result.Set);
    }

    // real data: US counties keyed by feature id (reference figures from SOURCE.md, computed with shapely)

    [Fact]
    public void ReadsUsCountiesWithFeatureIdAsCode()
    {
        var path = SharedData("us-counties-census2010/geojson-counties-fips.json");
        var options = new DivisionReadOptions { CodeField = "id", NameField = "NAME", Level = DivisionLevel.District };
        var result = DivisionFiles.Read(path, options);
        var divisions = result.Set.Divisions;
        Assert.Equal(3221, divisions.Length);
        Assert.False(result.CrsStated);
        Assert.Equal(79, divisions.Count(d => d.Geometry is MultiPolygon));
        Assert.Equal(17, divisions.Sum(d => Enumerable.Range(0, d.Geometry.NumGeometries).Sum(i => ((Polygon)d.Geometry.GetGeometryN(i)).NumInteriorRings)));
        var fulton = Assert.Single(divisions, d => d.Code == "21075");
        Assert.Equal("Fulton", fulton.Name);
        Assert.Equal(2, fulton.Geometry.NumGeometries);
        Assert.Equal(3, Assert.Single(divisions, d => d.Code == "53073").Geometry.NumGeometries);
        Assert.Equal("0500000US01001", divisions[0].Attributes["GEO_ID"]);
        Assert.Equal(594.436, divisions[0].Attributes["CENSUSAREA"]);
        Assert.False(divisions[0].Attributes.ContainsKey("NAME"));
        var extent = new Envelope();
        divisions.ToList().ForEach(d => extent.ExpandToInclude(d.Geometry.EnvelopeInternal));
        Assert.Equal(-179.147, extent.MinX, 3);
        Assert.Equal(179.778, extent.MaxX, 3);
        Assert.Equal(17.885, extent.MinY, 3);
        Assert.Equal(71.353, extent.MaxY, 3);
    }

    [Fact]
    public void StreamsFeatureByFeatureWithABoundedBuffer()
    {
        var path = SharedData("us-counties-census2010/geojson-counties-fips.json");
        var options = new DivisionReadOptions { CodeField = "id", Level = DivisionLevel.District };
        using var stream = File.OpenRead(path);
        var small = GeoJsonDivisionReader.Read(stream, path, options, 1024, out var peak);
        Assert.True(peak < stream.Length / 8, $"buffer grew to {peak} bytes for a {stream.Length}-byte file");
        var whole = DivisionFiles.Read(path, options);
        AssertSameDivisions(whole.Set, small.Set);
    }

    // invalid input

    [Fact]
    public void TruncatedFileSaysSoWithLine()
    {
        using var dir = new TempDir();
        DivisionFiles.Write(SampleSet(), dir.File("a.geojson"));
        var bytes = File.ReadAllBytes(dir.File("a.geojson"));
        File.WriteAllBytes(dir.File("cut.geojson"), bytes[..(bytes.Length * 2 / 3)]);
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(dir.File("cut.geojson")));
        Assert.Contains("truncated", e.Message);
        Assert.Equal(dir.File("cut.geojson"), e.Path);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void InvalidJsonGivesLineAcrossBufferRefills()
    {
        var lines = new List<string> { """{"type": "FeatureCollection", "features": [""" };
        for (var i = 0; i < 200; i++)
        {
            lines.Add($$$"""{"type": "Feature", "properties": {"code": "c{{{i}}}", "level": "township"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},""");
        }
        lines[150] = lines[150].Replace("\"level\": ", "\"level\" ", StringComparison.Ordinal);
        lines.Add("""{"type": "Feature", "properties": {"code": "last", "level": "township"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}]}""");
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var e = Assert.Throws<BoundariesFormatException>(() =>
            GeoJsonDivisionReader.Read(new MemoryStream(bytes), "x.geojson", DivisionReadOptions.Default, 512, out _));
        Assert.Equal(151, e.Line);
        Assert.Contains("invalid JSON", e.Message);
    }

    [Fact]
    public void FeatureWithoutCodeNamesIndexAndField()
    {
        var e = ReadText("""{"type":"FeatureCollection","features":[FEATURE("a"),{"type":"Feature","properties":{"name":"无编码","level":"township"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""");
        Assert.Equal("#1", e.Feature);
        Assert.Equal("code", e.Field);
    }

    [Fact]
    public void MissingFeatureIdWhenCodeComesFromIdNamesTheFeature()
    {
        var e = ReadText("""{"type":"FeatureCollection","features":[FEATURE("a")]}""", new DivisionReadOptions { CodeField = "id" });
        Assert.Equal("#0", e.Feature);
        Assert.Equal("id", e.Field);
    }

    [Fact]
    public void WrongGeometryTypeNamesFeatureAndField()
    {
        var e = ReadText("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"l1","level":"township"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}""");
        Assert.Equal("#0 (l1)", e.Feature);
        Assert.Equal("geometry", e.Field);
        Assert.Contains("LineString", e.Message);
    }

    [Fact]
    public void OutOfRangeLonLatNamesTheFeature()
    {
        var e = ReadText("""{"type":"FeatureCollection","features":[FEATURE("a"),{"type":"Feature","properties":{"code":"far","level":"township"},"geometry":{"type":"Polygon","coordinates":[[[190,0],[191,0],[191,1],[190,0]]]}}]}""");
        Assert.Equal("#1 (far)", e.Feature);
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void ProjectedCoordinatesWithoutCrsAreLeftForDetection()
    {
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"gk","level":"township"},"geometry":{"type":"Polygon","coordinates":[[[500000,4300000],[501000,4300000],[501000,4301000],[500000,4300000]]]}}]}""";
        var result = GeoJsonDivisionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "gk.geojson", DivisionReadOptions.Default);
        Assert.False(result.CrsStated);
        Assert.Single(result.Set.Divisions);
    }

    [Fact]
    public void NotAFeatureCollectionOrUnknownCrsIsRefused()
    {
        Assert.Contains("type is 'Feature'", ReadText("""{"type":"Feature","properties":{},"geometry":null}""").Message);
        Assert.Equal("crs", ReadText("""{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:32650"}},"features":[]}""").Field);
        Assert.Contains("empty", ReadText("").Message);
    }

    private static BoundariesFormatException ReadText(string json, DivisionReadOptions? options = null)
    {
        json = json.Replace("""FEATURE("a")""", """{"type":"Feature","properties":{"code":"a","level":"township"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}""", StringComparison.Ordinal);
        return Assert.Throws<BoundariesFormatException>(() =>
            GeoJsonDivisionReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "t.geojson", options ?? DivisionReadOptions.Default));
    }

    private static bool IsCcw(JsonElement ring)
    {
        var coords = ring.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray();
        return Orientation.IsCCW(coords);
    }
}
