using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Locate;

/// <summary>
/// The chain shortcut: an upper level answered from the lower level's division through a parent table, only when the
/// levels nest exactly. Answers are checked against NTS Covers either way.
/// </summary>
public sealed class LevelNestingTests
{
    [Fact]
    public void DetectsExactNestingOfUnionedDistrictsAndStillAgreesWithNts()
    {
        var divisions = LocatorFixtures.Tiling(seed: 8, cells: 50);
        var locator = DivisionLocator.Build(divisions);
        Assert.NotNull(ParentTables(locator)[0]);
        DivisionLocatorTests.CheckAgainstNts(divisions, LocatorFixtures.Points(divisions, 8, random: 4000), LocatorOptions.Default);
    }

    [Fact]
    public void RefusesTheShortcutWhenAParentIsNotTheUnionOfItsChildren()
    {
        var divisions = LocatorFixtures.Tiling(seed: 9, cells: 40);
        // Move one township under another district: its old district still covers it, so the levels do not nest.
        var moved = divisions.FindIndex(d => d.Level == DivisionLevel.Township && d.ParentCode == "120101");
        var other = divisions.First(d => d.Level == DivisionLevel.District && d.Code != "120101").Code;
        divisions[moved] = divisions[moved] with { ParentCode = other };
        var locator = DivisionLocator.Build(divisions);
        Assert.Null(ParentTables(locator)[0]);
        DivisionLocatorTests.CheckAgainstNts(divisions, LocatorFixtures.Points(divisions, 9, random: 3000), LocatorOptions.Default);
    }

    [Fact]
    public void RefusesTheShortcutWhenTheParentDropsAVertex()
    {
        var divisions = LocatorFixtures.Tiling(seed: 10, cells: 40);
        var d = divisions.FindIndex(x => x.Level == DivisionLevel.District);
        // Insert a midpoint into the district's first segment: same area, different segments.
        var shell = ((Polygon)divisions[d].Geometry.GetGeometryN(0)).ExteriorRing.Coordinates.ToList();
        shell.Insert(1, new Coordinate((shell[0].X + shell[1].X) / 2, (shell[0].Y + shell[1].Y) / 2));
        var factory = divisions[d].Geometry.Factory;
        var polygons = Enumerable.Range(0, divisions[d].Geometry.NumGeometries).Select(i => (Polygon)divisions[d].Geometry.GetGeometryN(i)).ToArray();
        polygons[0] = factory.CreatePolygon(factory.CreateLinearRing([.. shell]), polygons[0].Holes);
        divisions[d] = divisions[d] with { Geometry = polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons) };
        var locator = DivisionLocator.Build(divisions);
        Assert.Null(ParentTables(locator)[0]);
        DivisionLocatorTests.CheckAgainstNts(divisions, LocatorFixtures.Points(divisions, 10, random: 2000), LocatorOptions.Default);
    }

    private static int[]?[] ParentTables(DivisionLocator locator) => locator.LatestParentTables;
}
