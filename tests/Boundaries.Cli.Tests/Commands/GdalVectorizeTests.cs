using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>
/// <c>vectorize</c> from CAD drawings: boundary lines and code texts (MTEXT) in DXF files written by <c>ogr2ogr</c>
/// in Gauss-Krüger metres give back the townships the lines came from.
/// </summary>
public sealed class GdalVectorizeTests
{
    [Fact]
    public void BuildsTheTownshipsFromDxfLinesAndCodeTexts()
    {
        using var dir = new TempDir();
        var city = CityGenerator.Generate(new CityOptions { Seed = 5, Size = CitySize.Small });
        var townships = city.Divisions.OfLevel(DivisionLevel.Township).ToList();
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(1000), 4548);
        var rings = townships.SelectMany(t => LinearComponentExtracter.GetLines(t.Geometry).Cast<LineString>()).ToArray();
        var lines = UnaryUnionNG.Union((Geometry)factory.CreateMultiLineString(rings), factory.PrecisionModel);
        File.WriteAllLines(dir.File("lines.csv"), ["id,wkt", .. Enumerable.Range(0, lines.NumGeometries).Select(i => $"{i},\"{lines.GetGeometryN(i).AsText()}\"")]);
        File.WriteAllLines(dir.File("labels.csv"), ["code,wkt", .. townships.SelectMany(t =>
            Enumerable.Range(0, t.Geometry.NumGeometries).Select(i => $"{t.Code},\"{t.Geometry.GetGeometryN(i).InteriorPoint.AsText()}\""))]);
        Ok(CliRun.Tool("ogr2ogr", "-f", "DXF", dir.File("lines.dxf"), dir.File("lines.csv"), "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"));
        // a point with a LABEL style becomes a text entity (MTEXT) holding the code
        Ok(CliRun.Tool("ogr2ogr", "-f", "DXF", dir.File("labels.dxf"), dir.File("labels.csv"), "-oo", "GEOM_POSSIBLE_NAMES=wkt",
            "-dialect", "SQLite", "-sql", "SELECT geometry, 'LABEL(t:\"' || code || '\")' AS OGR_STYLE FROM labels"));

        var run = CliRun.Of("vectorize", "--lines", dir.File("lines.dxf"), "--labels", dir.File("labels.dxf"), "--from", "EPSG:4548", "-o", dir.File("out.gpkg"), "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Equal(townships.Count, run.Json().GetProperty("divisions").GetInt32());
        var written = DivisionFiles.Read(dir.File("out.gpkg")).Set;
        var toGk = CoordinateTransformer.Create(written.Crs, CrsCode.Parse("EPSG:4548"));
        var expected = townships.ToDictionary(t => t.Code);
        Assert.Equal(expected.Keys.Order(), written.Divisions.Select(d => d.Code).Order());
        foreach (var d in written.Divisions)
        {
            var original = expected[d.Code].Geometry;
            var diff = toGk.Transform(d.Geometry).SymmetricDifference(original).Area;
            Assert.True(diff <= 1e-6 * original.Area, $"{d.Code}: symmetric difference {diff} m²");
        }
    }

    [Fact]
    public void ADrawingWithoutFromIsAnInputErrorAskingForIt()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("lines.csv"), ["id,wkt", "1,\"LINESTRING (517000 4329000,517100 4329000)\""]);
        Ok(CliRun.Tool("ogr2ogr", "-f", "DXF", dir.File("lines.dxf"), dir.File("lines.csv"), "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"));
        var run = CliRun.Of("vectorize", "--lines", dir.File("lines.dxf"), "--labels", dir.File("lines.dxf"), "-o", dir.File("out.gpkg"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from", run.Error, StringComparison.Ordinal);
    }

    private static void Ok((int Exit, string Out, string Error) run) => Assert.True(run.Exit == 0, run.Error);
}
