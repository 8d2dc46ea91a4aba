using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;

namespace Boundaries.Geo.Tests.Formats;

public sealed class GeoPackageFormatTests
{
    // round trip

    [Fact]
    public void RoundTripKeepsFieldsAttributesAndCrs()
    {
        using var dir = new TempDir();
        var set = SampleSet();
        DivisionFiles.Write(set, dir.File("a.gpkg"));
        var result = DivisionFiles.Read(dir.File("a.gpkg"));
        Assert.Equal("gpkg", result.Format);
        Assert.True(result.CrsStated);
        Assert.Equal(CrsCode.Cgcs2000, result.Set.Crs);
        AssertSameDivisions(set, result.Set);
    }

    [Fact]
    public void MillionVertexRoundTripKeepsEveryVertex()
    {
        using var dir = new TempDir();
        var factory = new GeometryFactory();
        var divisions = Enumerable.Range(0, 1000).Select(i =>
        {
            var ring = Enumerable.Range(0, 1000).Select(k => new Coordinate(
                117 + (i % 40) * 0.01 + 0.004 * Math.Cos(k * 2 * Math.PI / 999), 39 + (i / 40) * 0.01 + 0.004 * Math.Sin(k * 2 * Math.PI / 999))).ToArray();
            ring[^1] = ring[0].Copy();
            return new Division($"c{i}", $"第{i}社区", DivisionLevel.Community, "120101001", factory.CreatePolygon(ring));
        }).ToList();
        var set = new DivisionSet([.. divisions], CrsCode.Cgcs2000);
        DivisionFiles.Write(set, dir.File("big.gpkg"));
        var back = DivisionFiles.Read(dir.File("big.gpkg")).Set;
        Assert.Equal(1_000_000, back.VertexCount());
        Assert.True(set.Divisions[777].Geometry.EqualsExact(back.Divisions[777].Geometry));
    }

    // GDAL as the oracle

    [Theory]
    [InlineData(4490)]
    [InlineData(4548)]
    [InlineData(4527)]
    public void OgrinfoListsEachLayerWithCountAndEpsg(int epsg)
    {
        using var dir = new TempDir();
        Assert.True(CrsCode.TryFromEpsg(epsg, out var crs));
        DivisionFiles.Write(SampleSet(crs), dir.File("a.gpkg"));
        var info = GdalOk("ogrinfo", "-so", "-al", dir.File("a.gpkg"));
        Assert.Contains("Layer name: district", info);
        Assert.Contains("Layer name: township", info);
        var counts = System.Text.RegularExpressions.Regex.Matches(info, @"Feature Count: (\d+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["1", "2"], counts);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(info, $@"ID\[""EPSG"",{epsg}\]\]\s*Data axis").Count);
        Assert.DoesNotContain("ERROR", info + GdalOk("ogrinfo", "-al", "-q", dir.File("a.gpkg")));
    }

    [Fact]
    public void GdalUsesTheRtreeAndOurTriggersKeepItRight()
    {
        using var dir = new TempDir();
        var path = dir.File("a.gpkg");
        DivisionFiles.Write(SampleSet(), path);
        // a spatial filter around 小白楼街道's detached part only: GDAL answers it from rtree_township_geom
        var hit = GdalOk("ogrinfo", "-q", "-spat", "117.265", "39.125", "117.266", "39.126", path, "township");
        Assert.Contains("小白楼街道", hit);
        Assert.DoesNotContain("劝业场街道", hit);
        // GDAL appends through our triggers (with its own ST_ functions)
        File.WriteAllText(dir.File("extra.geojson"), """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"120101003","name":"新增街道","level":"township","parent":"120101"},"geometry":{"type":"Polygon","coordinates":[[[117.4,39.4],[117.5,39.4],[117.5,39.5],[117.4,39.4]]]}}]}""");
        GdalOk("ogr2ogr", "-update", "-append", "-nln", "township", path, dir.File("extra.geojson"));
        Assert.Contains("新增街道", GdalOk("ogrinfo", "-q", "-spat", "117.45", "39.41", "117.46", "39.42", path, "township"));
        // and our own connections can run the triggers too (plain SQLite lacks ST_IsEmpty …)
        using (var connection = GeoPackageConnection.Open(path, readOnly: false))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE township SET geom = (SELECT geom FROM district) WHERE code = '120101003'";
            Assert.Equal(1, command.ExecuteNonQuery());
            command.CommandText = "SELECT r.minx FROM rtree_township_geom r JOIN township t ON t.fid = r.id WHERE t.code = '120101003'";
            Assert.Equal(117.1, Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), 4);
        }
        Assert.Equal(3, DivisionFiles.Read(path).Set.OfLevel(DivisionLevel.Township).Count());
    }

    [Fact]
    public void Ogr2ogrConvertsOurFile()
    {
        using var dir = new TempDir();
        var set = SampleSet();
        DivisionFiles.Write(set, dir.File("a.gpkg"));
        GdalOk("ogr2ogr", "-f", "GeoJSON", dir.File("township.geojson"), dir.File("a.gpkg"), "township");
        var back = DivisionFiles.Read(dir.File("township.geojson")).Set;
        AssertSameDivisions(set with { Divisions = [.. set.OfLevel(DivisionLevel.Township)] }, back);
    }

    [Fact]
    public void ReadsAGeoPackageThatOgr2ogrWrote()
    {
        using var dir = new TempDir();
        var set = SampleSet();
        DivisionFiles.Write(set, dir.File("ours.geojson"));
        GdalOk("ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:4490", dir.File("gdal.gpkg"), dir.File("ours.geojson"));
        var result = DivisionFiles.Read(dir.File("gdal.gpkg"));
        Assert.Equal(CrsCode.Cgcs2000, result.Set.Crs);
        AssertSameDivisions(set, result.Set);
    }

    // invalid input

    [Fact]
    public void NotAGeoPackageIsRefused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("x.gpkg"), "this is not sqlite at all, just text that is long enough to be a header...");
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(dir.File("x.gpkg")));
        Assert.Equal(dir.File("x.gpkg"), e.Path);
    }

    [Fact]
    public void UnsupportedSrsNamesLayerAndField()
    {
        using var dir = new TempDir();
        var path = dir.File("a.gpkg");
        DivisionFiles.Write(SampleSet(), path);
        Sql(path, "INSERT INTO gpkg_spatial_ref_sys VALUES ('UTM 50N', 32650, 'EPSG', 32650, 'PROJCS[...]', NULL); UPDATE gpkg_geometry_columns SET srs_id = 32650 WHERE table_name = 'township'");
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(path));
        Assert.Equal("srs_id", e.Field);
        Assert.Contains("township", e.Message);
        Assert.Contains("--from", e.Message);
    }

    [Fact]
    public void OtherLayerNeedsALevelAndCorruptBlobNamesTheFeature()
    {
        using var dir = new TempDir();
        var path = dir.File("a.gpkg");
        DivisionFiles.Write(SampleSet(), path);
        Sql(path, "PRAGMA foreign_keys=OFF; ALTER TABLE township RENAME TO jiedao; UPDATE gpkg_contents SET table_name = 'jiedao', identifier = 'jiedao' WHERE table_name = 'township'; UPDATE gpkg_geometry_columns SET table_name = 'jiedao' WHERE table_name = 'township'; ALTER TABLE jiedao DROP COLUMN level");
        var noLevel = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(path));
        Assert.Equal("jiedao#0 (120101001)", noLevel.Feature);
        Assert.Equal("level", noLevel.Field);
        var withLevel = DivisionFiles.Read(path, new DivisionReadOptions { Level = DivisionLevel.Township });
        Assert.Equal(3, withLevel.Set.OfLevel(DivisionLevel.Township).Count());

        Sql(path, "UPDATE jiedao SET geom = X'47500003E61000000102' WHERE fid = 2");
        var corrupt = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(path, new DivisionReadOptions { Level = DivisionLevel.Township }));
        Assert.Equal("jiedao#1", corrupt.Feature);
        Assert.Equal("geom", corrupt.Field);
    }

    private static void Sql(string path, string sql)
    {
        using var connection = GeoPackageConnection.Open(path, readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
