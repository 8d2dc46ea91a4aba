using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Normalize;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Normalize;

public sealed class NormalizerTests
{
    private static readonly CrsCode Zone39 = CrsCode.GaussKruger(39, zonePrefixed: false);

    // snapping

    [Fact]
    public void PutsEveryVertexOnTheMillimetreGridOfTheDataZone()
    {
        var set = LonLatSet(("120101001", "POLYGON ((117.1 39.1, 117.2 39.1000003, 117.2 39.2, 117.1 39.2, 117.1 39.1))"));
        var result = Normalizer.Normalize(set);

        Assert.Equal(Zone39, result.MetricCrs);
        var metric = CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39).Transform(result.Set.Divisions[0].Geometry);
        foreach (var c in metric.Coordinates)
        {
            Assert.Equal(Math.Round(c.X * 1000), c.X * 1000, 1e-4);
            Assert.Equal(Math.Round(c.Y * 1000), c.Y * 1000, 1e-4);
        }
        var snapped = Assert.Single(result.Changes, c => c.Kind == NormalizeChangeKind.VerticesSnapped);
        Assert.InRange(snapped.Measure, 0, 0.000708); // never more than half the grid diagonal
    }

    [Fact]
    public void MakesEdgesThatDifferBySubMillimetreSharedExactly()
    {
        // Two GK squares sharing the edge x = 500 100; the right one's copy is 0.3 mm off.
        var set = MetricSet(
            ("A", "POLYGON ((500000 4330000, 500100 4330000, 500100 4330100, 500000 4330100, 500000 4330000))"),
            ("B", "POLYGON ((500100.0003 4330000.0002, 500200 4330000, 500200 4330100, 500100.0003 4330100.0001, 500100.0003 4330000.0002))"));
        // The oracle (NTS, gap width 1 mm) sees the mismatch before …
        var before = CoverageValidator.Validate([.. set.Divisions.Select(d => d.Geometry)], 0.001);
        Assert.Contains(before, e => e is not null);

        // … and none after, in the metric system where the grid lives.
        var result = Normalizer.Normalize(set);
        var toMetric = CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39);
        var after = CoverageValidator.Validate([.. result.Set.Divisions.Select(d => toMetric.Transform(d.Geometry))], 0.001);
        Assert.All(after, e => Assert.Null(e));
    }

    [Fact]
    public void LeavesNormalizedDataAsItIs()
    {
        var once = Normalizer.Normalize(LonLatSet(("120101001", "POLYGON ((117.1 39.1, 117.23456789 39.1, 117.2 39.2, 117.1 39.2, 117.1 39.1))")));
        var twice = Normalizer.Normalize(once.Set);
        Assert.Empty(twice.Changes);
        Assert.True(once.Set.Divisions[0].Geometry.EqualsExact(twice.Set.Divisions[0].Geometry, 1e-12));
    }

    [Fact]
    public void NeverChangesItsInput()
    {
        var set = LonLatSet(("120101001", "POLYGON ((117.1 39.1, 117.2 39.1000003, 117.2 39.2, 117.1 39.2, 117.1 39.1))"));
        var copy = set.Divisions[0].Geometry.Copy();
        Normalizer.Normalize(set);
        Assert.True(copy.EqualsExact(set.Divisions[0].Geometry));
    }

    // repair

    [Fact]
    public void RepairsABowTieAndSaysWhere()
    {
        var set = MetricSet(("120101002", "POLYGON ((500000 4330000, 500100 4330100, 500100 4330000, 500000 4330100, 500000 4330000))"));
        var result = Normalizer.Normalize(set);

        var repair = Assert.Single(result.Changes, c => c.Kind == NormalizeChangeKind.InvalidRepaired);
        Assert.Equal("120101002", repair.Code);
        Assert.Contains("Self-intersection", repair.Detail, StringComparison.OrdinalIgnoreCase);
        var at = CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39).Transform(repair.Location!.X, repair.Location.Y);
        Assert.Equal(500050, at.X, 0.01);
        Assert.Equal(4330050, at.Y, 0.01);
        var geometry = result.Set.Divisions[0].Geometry;
        Assert.True(geometry.IsValid);
        var metricArea = CoordinateTransformer.Create(CrsCode.Cgcs2000, Zone39).Transform(geometry).Area;
        Assert.Equal(5000, metricArea, 0.01); // both triangles kept
    }

    [Fact]
    public void DropsAHoleThatCollapsesOnTheGrid()
    {
        var set = MetricSet(("120101003",
            "POLYGON ((500000 4330000, 500100 4330000, 500100 4330100, 500000 4330100, 500000 4330000)," +
            " (500050 4330050, 500050.0002 4330050, 500050.0002 4330050.0002, 500050 4330050))"));
        var result = Normalizer.Normalize(set);

        Assert.Contains(result.Changes, c => c.Kind == NormalizeChangeKind.CollapsedPartDropped && c.Code == "120101003");
        var polygon = Assert.IsType<Polygon>(result.Set.Divisions[0].Geometry);
        Assert.Empty(polygon.Holes);
    }

    // helpers

    private static DivisionSet LonLatSet(params (string Code, string Wkt)[] items) => Set(CrsCode.Cgcs2000, items);

    private static DivisionSet MetricSet(params (string Code, string Wkt)[] items) => Set(Zone39, items);

    private static DivisionSet Set(CrsCode crs, (string Code, string Wkt)[] items)
    {
        var reader = new WKTReader();
        return new DivisionSet(
            [.. items.Select(i => new Division(i.Code, "测试" + i.Code, DivisionLevel.Township, null, reader.Read(i.Wkt)))],
            crs);
    }
}
