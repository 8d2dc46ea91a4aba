using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Vectorize;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Tests.Vectorize;

/// <summary>A small generated city's townships, their boundary linework (node to node) and one label per polygon part.</summary>
internal static class VectorizeFixtures
{
    private static readonly Lazy<SyntheticCity> SmallCity = new(() => CityGenerator.Generate(new CityOptions { Seed = 11, Size = CitySize.Small }));

    public static GeometryFactory Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(1000), 4548);

    public static SyntheticCity City => SmallCity.Value;

    public static List<Division> Townships => [.. City.Divisions.OfLevel(DivisionLevel.Township)];

    /// <summary>The township boundaries noded and merged into lines that run from node to node, in EPSG:4548.</summary>
    public static List<LineString> Linework()
    {
        var rings = Townships.SelectMany(t => LinearComponentExtracter.GetLines(t.Geometry).Cast<LineString>()).ToArray();
        var noded = UnaryUnionNG.Union((Geometry)Factory.CreateMultiLineString(rings), Factory.PrecisionModel);
        var merger = new LineMerger();
        merger.Add(noded);
        return [.. merger.GetMergedLineStrings().Cast<LineString>().OrderBy(l => l.StartPoint.X).ThenBy(l => l.StartPoint.Y)];
    }

    /// <summary>One label per polygon part of every township, at the part's interior point.</summary>
    public static List<LabelPoint> Labels() =>
        [.. Townships.SelectMany(t => Parts(t.Geometry).Select(p => new LabelPoint(t.Code, t.Name, t.Level, t.ParentCode, p.InteriorPoint)))];

    public static IEnumerable<Polygon> Parts(Geometry g) => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).Cast<Polygon>();

    /// <summary>
    /// A copy of <paramref name="line"/> that ends <paramref name="meters"/> farther along its last segment: an overshoot
    /// (a vertex added past the old end, which stays a vertex) or, when negative, an undershoot (the last vertex moved back).
    /// </summary>
    public static LineString MoveEnd(LineString line, double meters)
    {
        var c = line.Coordinates.Select(x => x.Copy()).ToArray();
        var (a, b) = (c[^2], c[^1]);
        var length = a.Distance(b);
        var t = (length + meters) / length;
        var end = new Coordinate(Math.Round((a.X + (b.X - a.X) * t) * 1000) / 1000, Math.Round((a.Y + (b.Y - a.Y) * t) * 1000) / 1000);
        if (meters > 0)
        {
            return Factory.CreateLineString([.. c, end]);
        }
        c[^1] = end;
        return Factory.CreateLineString(c);
    }
}
