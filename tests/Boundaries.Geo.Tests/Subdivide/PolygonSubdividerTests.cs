using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Subdivide;
using Boundaries.Geo.Tests.Support;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Boundaries.Geo.Tests.Subdivide;

/// <summary>
/// PolygonSubdivider against NTS: every part valid and small, the parts' union the polygon, and every point NTS puts in
/// (or on) the polygon — random points, every vertex, midpoints exactly on edges — in (or on) some part.
/// </summary>
public sealed class PolygonSubdividerTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);

    [Fact]
    public void PartsTileEveryDivisionOfTheSampleCity()
    {
        var city = DivisionImporter.Import(Path.Combine(RepoPaths.Root, "data", "sample", "tianjin-small.gpkg")).In(CrsCode.Cgcs2000);
        var totalParts = 0;
        foreach (var division in city.Divisions)
        {
            totalParts += CheckParts(division.Geometry, 128, seed: totalParts);
        }
        Assert.True(totalParts > 4 * city.Divisions.Length, $"only {totalParts} parts: the cuts were hardly exercised");
    }

    [Fact]
    public void HolesAcrossAndBesideTheCutsAndMultipolygonsInEitherOrientation()
    {
        // A wavy square with a grid of small diamond holes (clockwise shell, counter-clockwise holes: the reverse of the
        // usual orientation), and beside it a second polygon: cut to 16 points, the lines pass through and between holes.
        var shell = new List<Coordinate>();
        for (var k = 0; k < 40; k++)
        {
            shell.Add(new Coordinate(117 + k * 0.01, 39 + 0.002 * Math.Sin(k)));
        }
        for (var k = 0; k < 40; k++)
        {
            shell.Add(new Coordinate(117.4 + 0.002 * Math.Sin(k), 39 + k * 0.01));
        }
        for (var k = 0; k < 40; k++)
        {
            shell.Add(new Coordinate(117.4 - k * 0.01, 39.4 + 0.002 * Math.Cos(k)));
        }
        for (var k = 0; k < 40; k++)
        {
            shell.Add(new Coordinate(117 + 0.002 * Math.Cos(k), 39.4 - k * 0.01));
        }
        shell.Add(shell[0].Copy());
        shell.Reverse();
        var holes = new List<LinearRing>();
        for (var i = 1; i < 8; i++)
        {
            for (var j = 1; j < 8; j++)
            {
                double x = 117 + i * 0.05 + 0.0031 * j, y = 39 + j * 0.05 + 0.0017 * i, r = 0.01 + 0.001 * ((i + j) % 5);
                holes.Add(Factory.CreateLinearRing([new(x - r, y), new(x, y - r), new(x + r, y), new(x, y + r), new(x - r, y)]));
            }
        }
        var withHoles = Factory.CreatePolygon(Factory.CreateLinearRing([.. shell]), [.. holes]);
        var beside = Factory.CreatePolygon([new(117.5, 39), new(117.7, 39.05), new(117.6, 39.3), new(117.55, 39.1), new(117.5, 39)]);
        Assert.True(withHoles.IsValid);
        var parts = CheckParts(Factory.CreateMultiPolygon([withHoles, beside]), 16, seed: 7);
        Assert.True(parts > 50, $"only {parts} parts");
    }

    [Fact]
    public void APolygonWithinTheLimitIsItsOwnPart()
    {
        var square = Factory.CreatePolygon([new(117, 39), new(117.1, 39), new(117.1, 39.1), new(117, 39.1), new(117, 39)]);
        var parts = PolygonSubdivider.Subdivide(square, 128)!;
        Assert.Single(parts);
        Assert.True(parts[0].EqualsTopologically(square));
        Assert.Equal(4490, parts[0].SRID);
    }

    /// <summary>Checks the parts of <paramref name="polygonal"/> against NTS; returns how many there are.</summary>
    private static int CheckParts(Geometry polygonal, int maxVertices, int seed)
    {
        var parts = PolygonSubdivider.Subdivide(polygonal, maxVertices, Factory);
        Assert.NotNull(parts);
        foreach (var part in parts)
        {
            Assert.True(part.IsValid, $"invalid part {part}");
            Assert.True(part.NumPoints <= maxVertices, $"{part.NumPoints} points in a part");
        }
        var area = polygonal.Area;
        Assert.True(Math.Abs(parts.Sum(p => p.Area) - area) <= 1e-12 * area, "the parts' areas do not add up");
        var union = CascadedPolygonUnion.Union(parts.Cast<Geometry>().ToList());
        Assert.True(union.SymmetricDifference(polygonal).Area <= 1e-12 * area, "the parts' union is not the polygon");

        var whole = new IndexedPointInAreaLocator(polygonal);
        var locators = parts.Select(p => (p.EnvelopeInternal, Locator: new IndexedPointInAreaLocator(p))).ToArray();
        bool InSomePart(Coordinate c) => locators.Any(l => l.EnvelopeInternal.Covers(c) && l.Locator.Locate(c) != Location.Exterior);
        var rng = new Random(seed);
        var box = polygonal.EnvelopeInternal;
        for (var i = 0; i < 300; i++)
        {
            var c = new Coordinate(box.MinX + rng.NextDouble() * box.Width, box.MinY + rng.NextDouble() * box.Height);
            Assert.Equal(whole.Locate(c) != Location.Exterior, InSomePart(c));
        }
        // Points exactly on the boundary: every vertex, and the midpoint of every edge where it is exact in binary.
        foreach (var ring in Rings(polygonal))
        {
            var points = ring.Coordinates;
            for (var i = 0; i + 1 < points.Length; i++)
            {
                Assert.True(InSomePart(points[i]), $"vertex {points[i]} is in no part");
                double x = points[i].X + points[i + 1].X, y = points[i].Y + points[i + 1].Y;
                if (x - points[i].X == points[i + 1].X && y - points[i].Y == points[i + 1].Y)
                {
                    var middle = new Coordinate(x / 2, y / 2);
                    Assert.Equal(Location.Boundary, whole.Locate(middle));
                    Assert.True(InSomePart(middle), $"edge midpoint {middle} is in no part");
                }
            }
        }
        return parts.Count;
    }

    private static IEnumerable<LineString> Rings(Geometry polygonal)
    {
        for (var i = 0; i < polygonal.NumGeometries; i++)
        {
            var polygon = (Polygon)polygonal.GetGeometryN(i);
            yield return polygon.ExteriorRing;
            foreach (var hole in polygon.InteriorRings)
            {
                yield return hole;
            }
        }
    }
}
