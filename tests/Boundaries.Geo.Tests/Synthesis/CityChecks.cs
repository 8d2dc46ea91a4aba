using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Tests.Synthesis;

/// <summary>Shared checks and cached cities (generation is deterministic, so one copy per options is enough).</summary>
internal static class CityChecks
{
    private static readonly Lazy<SyntheticCity> SmallClean = new(() => CityGenerator.Generate(new CityOptions { Seed = 7, Size = CitySize.Small }));
    private static readonly Lazy<SyntheticCity> SmallDirty = new(() =>
        CityGenerator.Generate(new CityOptions { Seed = 7, Size = CitySize.Small, Dirty = DirtyOptions.All }));
    private static readonly Lazy<SyntheticCity> FullClean = new(() => CityGenerator.Generate(new CityOptions { Seed = 3, Size = CitySize.Full }));

    public static SyntheticCity Small => SmallClean.Value;
    public static SyntheticCity Dirty => SmallDirty.Value;
    public static SyntheticCity Full => FullClean.Value;

    public static List<Division> Level(SyntheticCity city, DivisionLevel level) => [.. city.Divisions.OfLevel(level)];

    /// <summary>Asserts every coverage (townships of each district, districts of the city) is valid and unions to its parent.</summary>
    public static void AssertExactTiling(SyntheticCity city)
    {
        var all = city.Divisions.Divisions;
        foreach (var parent in all.Where(d => d.Level != DivisionLevel.Township))
        {
            var children = all.Where(d => d.ParentCode == parent.Code).Select(d => d.Geometry).ToArray();
            Assert.NotEmpty(children);
            var invalid = CoverageValidator.Validate(children);
            Assert.All(invalid, e => Assert.Null(e));
            var union = CoverageUnion.Union(children);
            var diff = union.SymmetricDifference(parent.Geometry).Area;
            Assert.True(diff < 1e-6 * parent.Geometry.Area, $"union of children of {parent.Code} differs from it by {diff} m²");
            var sum = children.Sum(c => c.Area);
            Assert.True(Math.Abs(sum - parent.Geometry.Area) < 1e-6 * parent.Geometry.Area, $"areas under {parent.Code}: {sum} vs {parent.Geometry.Area}");
        }
    }

    public static Geometry Township(SyntheticCity city, string code) =>
        Level(city, DivisionLevel.Township).Single(t => t.Code == code).Geometry;

    public static GeometryFactory Factory() => new(new PrecisionModel(1000), 4548);

    public static Point Point(string wkt) => (Point)new NetTopologySuite.IO.WKTReader().Read(wkt);

    /// <summary>The polygon of <paramref name="g"/> that contains <paramref name="p"/>.</summary>
    public static Polygon PartAt(Geometry g, Point p) =>
        Enumerable.Range(0, g.NumGeometries).Select(k => (Polygon)g.GetGeometryN(k)).Single(x => x.Contains(p));

    public static Polygon MainPart(Geometry g) =>
        Enumerable.Range(0, g.NumGeometries).Select(k => (Polygon)g.GetGeometryN(k)).OrderByDescending(x => x.Area).First();
}
