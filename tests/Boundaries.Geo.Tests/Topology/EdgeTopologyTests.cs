using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Topology;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Polygonize;

namespace Boundaries.Geo.Tests.Topology;

/// <summary>
/// Edge topology: the oracles are NTS (Polygonizer rebuilding the divisions from the lines, point-in-polygon for sides,
/// Intersection for shared borders) on the input geometries, and hand-made cases.
/// </summary>
public sealed class EdgeTopologyTests
{
    private static readonly Lazy<(DivisionSet LonLat, BoundaryTopology Topology)> SmallCity = new(() =>
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 3, Size = CitySize.Small, Dirty = DirtyOptions.None });
        var lonLat = new ImportedDivisions("synthetic", "synthetic", city.Divisions, CrsSource.Stated, null, []).In(CrsCode.Cgcs2000);
        return (lonLat, EdgeTopology.Build(lonLat));
    });

    // valid: three squares, A | B on top of C

    [Fact]
    public void StoresEachSharedBorderOnceWithItsSides()
    {
        var topology = EdgeTopology.Build(Set(
            ("A", "POLYGON ((117 39, 117.01 39, 117.01 39.01, 117 39.01, 117 39))"),
            ("B", "POLYGON ((117.01 39, 117.02 39, 117.02 39.01, 117.01 39.01, 117.01 39))"),
            ("C", "POLYGON ((117 38.99, 117.02 38.99, 117.02 39, 117.01 39, 117 39, 117 38.99))")));
        var inner = topology.Lines.Where(l => l.Left is not null && l.Right is not null).ToList();
        Assert.Equal(3, inner.Count);
        Assert.Single(inner, l => Pair(l) == "A|B");
        Assert.Single(inner, l => Pair(l) == "A|C");
        Assert.Single(inner, l => Pair(l) == "B|C");
        Assert.Equal(0, topology.ConflictingSides);
        // The two nodes where A, B and C meet, and where A, B, C and the outside meet.
        var tri = topology.TriJunctions.ToList();
        Assert.Single(tri);
        Assert.Equal(["A", "B", "C"], tri[0].Divisions.ToArray());
        Assert.Equal(3, tri[0].Degree);
        Assert.False(tri[0].TouchesOutside);
        Assert.Equal(117.01, tri[0].Geometry.X, 7); // within 1 mm: the node is on the 1 mm grid of the metric plane
        Assert.Equal(39, tri[0].Geometry.Y, 7);
        // The A|B line is 0.01° of latitude: about 1110 m.
        var ab = inner.Single(l => Pair(l) == "A|B");
        Assert.InRange(ab.LengthMeters, 1105, 1115);
    }

    [Fact]
    public void ASharedPointIsNotAdjacency()
    {
        var topology = EdgeTopology.Build(Set(
            ("A", "POLYGON ((117 39, 117.01 39, 117.01 39.01, 117 39.01, 117 39))"),
            ("D", "POLYGON ((117.01 39.01, 117.02 39.01, 117.02 39.02, 117.01 39.02, 117.01 39.01))")));
        Assert.Empty(topology.Adjacencies);
        Assert.All(topology.Lines, l => Assert.Null(l.Right));
    }

    [Fact]
    public void AnIslandIsOneClosedLine()
    {
        var topology = EdgeTopology.Build(Set(
            ("H", "POLYGON ((117 39, 117.03 39, 117.03 39.03, 117 39.03, 117 39), (117.01 39.01, 117.01 39.02, 117.02 39.02, 117.02 39.01, 117.01 39.01))"),
            ("I", "POLYGON ((117.01 39.01, 117.02 39.01, 117.02 39.02, 117.01 39.02, 117.01 39.01))")));
        var island = topology.Lines.Single(l => l.Right is not null);
        Assert.Equal("H|I", Pair(island));
        Assert.True(island.Geometry.IsClosed);
        Assert.Equal(island.StartNode, island.EndNode);
        var adjacency = Assert.Single(topology.Adjacencies);
        Assert.Equal(("H", "I"), (adjacency.A, adjacency.B));
    }

    [Fact]
    public void PolygonizingTheLinesGivesBackTheDivisions()
    {
        var (set, topology) = SmallCity.Value;
        foreach (var level in new[] { DivisionLevel.District, DivisionLevel.Township })
        {
            var divisions = set.OfLevel(level).ToList();
            var polygonizer = new Polygonizer();
            polygonizer.Add(topology.Lines.Where(l => l.Level == level).Select(l => (Geometry)l.Geometry).ToList());
            var faces = polygonizer.GetPolygons().Cast<Polygon>().ToList();
            Assert.Empty(polygonizer.GetDangles());
            var locators = divisions.Select(d => new IndexedPointInAreaLocator(d.Geometry)).ToList();
            var byDivision = faces.GroupBy(f => divisions[locators.FindIndex(l => l.Locate(f.InteriorPoint.Coordinate) == Location.Interior)].Code);
            var rebuilt = byDivision.ToDictionary(g => g.Key, g => g.Cast<Geometry>().Aggregate((a, b) => a.Union(b)));
            Assert.Equal(divisions.Count, rebuilt.Count);
            foreach (var d in divisions)
            {
                // 1e-12 square degrees is about 0.01 m²: the snapped lines lie within 1 mm of the input.
                Assert.True(rebuilt[d.Code].SymmetricDifference(d.Geometry).Area < 1e-12, $"{level} {d.Code} differs from its faces");
            }
        }
    }

    [Fact]
    public void EveryLineHasItsLeftDivisionOnItsLeft()
    {
        var (set, topology) = SmallCity.Value;
        var byCode = set.Divisions.GroupBy(d => (d.Level, d.Code)).ToDictionary(g => g.Key, g => g.First().Geometry);
        foreach (var line in topology.Lines)
        {
            var c = line.Geometry.Coordinates;
            var (a, b) = (c[c.Length / 2 - 1], c[c.Length / 2]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var n = Math.Sqrt(dx * dx + dy * dy);
            var mid = new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2);
            var left = new Point(mid.X - dy / n * 1e-7, mid.Y + dx / n * 1e-7);
            var right = new Point(mid.X + dy / n * 1e-7, mid.Y - dx / n * 1e-7);
            Assert.NotNull(line.Left);
            Assert.True(byCode[(line.Level, line.Left!)].Contains(left), $"line {line.Id}: {line.Left} not on its left");
            if (line.Right is { } r)
            {
                Assert.True(byCode[(line.Level, r)].Contains(right), $"line {line.Id}: {r} not on its right");
            }
        }
    }

    [Fact]
    public void AdjacencyMatchesSharedBordersComputedByNts()
    {
        var (set, topology) = SmallCity.Value;
        var townships = set.OfLevel(DivisionLevel.Township).ToList();
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Parse("EPSG:4548"));
        var expected = new Dictionary<(string, string), double>();
        for (var i = 0; i < townships.Count; i++)
        {
            for (var j = i + 1; j < townships.Count; j++)
            {
                var (a, b) = (townships[i], townships[j]);
                if (!a.Geometry.EnvelopeInternal.Intersects(b.Geometry.EnvelopeInternal))
                {
                    continue;
                }
                var shared = toGk.Transform(a.Geometry.Boundary.Intersection(b.Geometry.Boundary)).Length;
                if (shared > 0)
                {
                    expected[string.CompareOrdinal(a.Code, b.Code) < 0 ? (a.Code, b.Code) : (b.Code, a.Code)] = shared;
                }
            }
        }
        var actual = topology.Adjacencies.Where(x => x.Level == DivisionLevel.Township).ToDictionary(x => (x.A, x.B), x => x.SharedLengthMeters);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (pair, length) in expected)
        {
            // Planar Gauss-Krüger length against ellipsoidal: within the zone's scale error (under 0.05 % here).
            Assert.True(Math.Abs(actual[pair] - length) <= 5e-4 * length + 0.01, $"{pair}: {actual[pair]} vs {length}");
        }
    }

    [Fact]
    public void WritesLinesAndNodesGdalCanRead()
    {
        var (_, topology) = SmallCity.Value;
        using var dir = new Formats.TempDir();
        var path = dir.File("topology.gpkg");
        TopologyGeoPackageWriter.Write(topology, path);
        var lines = Crs.ExternalTool.Run("ogrinfo", ["-so", "-ro", path, "lines"]);
        var nodes = Crs.ExternalTool.Run("ogrinfo", ["-so", "-ro", path, "nodes"]);
        Assert.Contains($"Feature Count: {topology.Lines.Length}", lines, StringComparison.Ordinal);
        Assert.Contains("Geometry: Line String", lines, StringComparison.Ordinal);
        Assert.Contains("left: String", lines, StringComparison.Ordinal);
        Assert.Contains("length_m: Real", lines, StringComparison.Ordinal);
        Assert.Contains($"Feature Count: {topology.Nodes.Length}", nodes, StringComparison.Ordinal);
        Assert.Contains("Geometry: Point", nodes, StringComparison.Ordinal);
        var sql = Crs.ExternalTool.Run("ogrinfo", ["-ro", "-q", path, "-sql", "SELECT SUM(length_m) AS total FROM lines"]);
        Assert.Contains(FormattableString.Invariant($"{topology.Lines.Sum(l => l.LengthMeters):0.0}")[..6], sql, StringComparison.Ordinal);
    }

    private static string Pair(BoundaryLine l) => string.CompareOrdinal(l.Left, l.Right) < 0 ? $"{l.Left}|{l.Right}" : $"{l.Right}|{l.Left}";

    private static DivisionSet Set(params (string Code, string Wkt)[] divisions)
    {
        var reader = new WKTReader();
        return new DivisionSet(
            [.. divisions.Select(d => new Division(d.Code, d.Code, DivisionLevel.Township, null, reader.Read(d.Wkt)))],
            CrsCode.Cgcs2000);
    }
}
