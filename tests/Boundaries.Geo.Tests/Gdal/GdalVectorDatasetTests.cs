using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Gdal;
using Boundaries.Geo.Tests.Formats;
using static Boundaries.Geo.Tests.Formats.FormatTestSupport;
using static Boundaries.Geo.Tests.Gdal.GdalTestData;
using TempDir = Boundaries.Geo.Tests.Formats.TempDir;

namespace Boundaries.Geo.Tests.Gdal;

/// <summary>
/// Files written by ogr2ogr from the sample city, read through the bridge and compared feature by feature with what
/// ogrinfo -al reports (the oracle for attributes and geometry) and with the source read by the built-in reader.
/// </summary>
public sealed class GdalVectorDatasetTests
{
    public static TheoryData<string, string, string, int, double> Formats => new()
    {
        // driver, extension, extra ogr2ogr args (space-separated), EPSG expected, coordinate tolerance vs the source
        { "KML", "kml", "", 4326, 1e-12 },
        { "MapInfo File", "tab", "-lco ENCODING=CP936", 4326, 1e-6 },
        { "GPKG", "gpkg", "", 4490, 0 },
        { "FlatGeobuf", "fgb", "", 4490, 0 },
        { "GML", "gml", "-dsco FORMAT=GML3", 4490, 1e-12 },
        { "SQLite", "sqlite", "", 4490, 0 },
        // GDAL 3.6 writes File Geodatabases (OpenFileGDB) and MIF; both need the declared type MultiPolygon
        { "OpenFileGDB", "gdb", "-nlt MULTIPOLYGON", 4490, 1e-8 },
        { "MapInfo File", "mif", "-dsco FORMAT=MIF -nlt MULTIPOLYGON -lco ENCODING=CP936", 4326, 1e-6 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void ReadsWhatOgrinfoReportsFeatureByFeature(string driver, string extension, string extra, int epsg, double tolerance)
    {
        using var dir = new TempDir();
        var file = Make(dir, driver, extension, extra);
        var oracle = OgrInfoOracle.Features(file);
        var counts = OgrInfoOracle.FeatureCounts(file);

        using var dataset = GdalVectorDataset.Open(file);
        // GDAL opens KML with LIBKML when it is built in (Debian's is)
        Assert.Equal(driver == "KML" ? "LIBKML" : driver, dataset.Driver);
        Assert.Equal(counts, dataset.Layers.Select(l => l.FeatureCount));
        var layer = Assert.Single(dataset.Layers);
        Assert.Equal(epsg, layer.Crs?.Epsg);
        var features = dataset.ReadFeatures(0).ToList();
        Assert.Equal(oracle.Count, features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            var ours = features[i];
            var theirs = oracle[i];
            foreach (var (name, value) in ours.Attributes)
            {
                Assert.True(theirs.Fields.ContainsKey(name) || value is null, $"{extension} #{i}: ogrinfo has no field {name}");
                Assert.Equal(theirs.Fields.GetValueOrDefault(name), OgrText(value));
            }
            Assert.Equal(theirs.Fields.Count, ours.Attributes.Count(a => theirs.Fields.ContainsKey(a.Key)));
            Assert.NotNull(ours.Geometry);
            // ogrinfo prints 15 significant digits: 1e-9 degrees is far below that and far above a wrong vertex
            Assert.True(theirs.Geometry!.EqualsExact(ours.Geometry, 1e-9), $"{extension} #{i}: {ours.Geometry} != {theirs.Geometry}");
            Assert.Equal(epsg, ours.Geometry.SRID);
        }

        // the same file as divisions, against the source read by the built-in GeoPackage reader
        var read = DivisionFiles.Read(file);
        Assert.True(read.CrsStated);
        Assert.Equal(epsg, read.Set.Crs.Epsg);
        var source = SourceTownships.Divisions;
        Assert.Equal(source.Length, read.Set.Divisions.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var e = source[i];
            var a = read.Set.Divisions.Single(d => d.Code == e.Code);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Level, a.Level);
            Assert.Equal(e.ParentCode, a.ParentCode);
            Assert.Equal(e.ValidFrom, a.ValidFrom);
            Assert.Equal(e.ValidTo, a.ValidTo);
            // normalised, one-part multipolygons as polygons: a File Geodatabase stores outer rings clockwise and (with
            // -nlt MULTIPOLYGON) every area as a multipolygon; neither changes the area
            Assert.True(OnePart(e.Geometry).Normalized().EqualsExact(OnePart(a.Geometry).Normalized(), tolerance + 1e-12), $"{extension} {e.Code}: geometry differs by more than {tolerance}");
        }
    }

    [Fact]
    public void MapInfoTextIsStoredAsGbkAndReadBackAsChinese()
    {
        using var dir = new TempDir();
        var tab = Make(dir, "MapInfo File", "tab", "-lco ENCODING=CP936");
        Assert.Contains("WindowsSimpChinese", File.ReadAllText(tab), StringComparison.Ordinal);
        var dat = File.ReadAllBytes(Path.ChangeExtension(tab, ".dat"));
        var name = SourceTownships.Divisions[0].Name;
        Assert.True(Contains(dat, ShapefileEncoding.Gbk.GetBytes(name)), "the .dat does not hold the GBK bytes of the first name");
        Assert.False(Contains(dat, System.Text.Encoding.UTF8.GetBytes(name)), "the .dat holds UTF-8, not GBK");

        using var dataset = GdalVectorDataset.Open(tab);
        Assert.True(dataset.Layers[0].StringsAsUtf8);
        Assert.Equal(SourceTownships.Divisions.Select(d => d.Name), dataset.ReadFeatures(0).Select(f => (string?)f.Attributes.First(a => a.Key == "name").Value));
    }

    [Fact]
    public void DxfPolygonsBecomeDivisionsWithCodesFromCadLayers()
    {
        using var dir = new TempDir();
        var dxf = dir.File("city.dxf");
        GdalOk("ogr2ogr", "-f", "DXF", dxf, SamplePath, "-dialect", "SQLite", "-sql", "SELECT geom, code AS Layer FROM township");
        var oracle = OgrInfoOracle.Features(dxf);

        using (var dataset = GdalVectorDataset.Open(dxf))
        {
            var features = dataset.ReadFeatures(0).ToList();
            Assert.Equal(oracle.Count, features.Count);
            Assert.Null(dataset.Layers[0].CrsDescription);
            for (var i = 0; i < features.Count; i++)
            {
                Assert.Equal(oracle[i].Fields["Layer"], features[i].Attributes.Single(a => a.Key == "Layer").Value);
                Assert.True(oracle[i].Geometry!.EqualsExact(features[i].Geometry, 1e-9));
            }
        }

        var read = DivisionFiles.Read(dxf, new DivisionReadOptions { CodeField = "Layer", Level = Boundaries.Geo.Model.DivisionLevel.Township });
        Assert.False(read.CrsStated);
        Assert.Equal("gdal:DXF", read.Format);
        Assert.Equal(oracle.Count, read.Set.Divisions.Length);
        // a multipolygon is drawn as one hatch per part: each part is one polygon of the source division with that code
        Assert.Equal(SourceTownships.Divisions.Select(d => d.Code).Order(), read.Set.Divisions.Select(d => d.Code).Distinct().Order());
        foreach (var part in read.Set.Divisions)
        {
            var source = SourceTownships.Divisions.Single(d => d.Code == part.Code).Geometry;
            var polygons = Enumerable.Range(0, source.NumGeometries).Select(source.GetGeometryN);
            Assert.Contains(polygons, p => p.Normalized().EqualsExact(part.Geometry.Normalized(), 1e-9));
        }
    }

    [Fact]
    public void UnsupportedCoordinateSystemAsksForFrom()
    {
        using var dir = new TempDir();
        var fgb = dir.File("utm.fgb");
        GdalOk("ogr2ogr", "-f", "FlatGeobuf", "-t_srs", "EPSG:32650", fgb, SamplePath, "township");
        var e = Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(fgb));
        Assert.Contains("--from", e.Message, StringComparison.Ordinal);
        Assert.Contains("UTM zone 50N", e.Message, StringComparison.Ordinal);
        Assert.Equal(fgb, e.Path);

        var forced = DivisionFiles.Read(fgb, new DivisionReadOptions { Crs = CrsCode.Wgs84 });
        Assert.Equal(SourceTownships.Divisions.Length, forced.Set.Divisions.Length);
    }

    [Fact]
    public void LandXmlFromASurveyControllerIsRefusedWithGdalsMessageAsOgrinfoRefusesIt()
    {
        var landxml = SharedData("survey-controller-tops/landxml.xml");
        var (code, stdout, stderr) = FormatTestSupport.Gdal("ogrinfo", "-so", landxml);
        Assert.NotEqual(0, code);
        Assert.Contains("Unable to open datasource", stdout + stderr, StringComparison.Ordinal);

        var e = Assert.Throws<BoundariesFormatException>(() => GdalVectorDataset.Open(landxml));
        Assert.Equal(landxml, e.Path);
        Assert.Contains("not recognized as a supported file format", e.Message, StringComparison.Ordinal);
        Assert.Throws<BoundariesFormatException>(() => DivisionFiles.Read(landxml));
    }

    private static string Make(TempDir dir, string driver, string extension, string extra)
    {
        var file = dir.File("township." + extension);
        var args = new List<string> { "-f", driver };
        args.AddRange(extra.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        args.AddRange([file, SamplePath, "township"]);
        GdalOk("ogr2ogr", [.. args]);
        return file;
    }

    private static NetTopologySuite.Geometries.Geometry OnePart(NetTopologySuite.Geometries.Geometry g) =>
        g is NetTopologySuite.Geometries.MultiPolygon { NumGeometries: 1 } m ? m.GetGeometryN(0) : g;

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
