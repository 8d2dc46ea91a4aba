using System.Text;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Locate;

public sealed class DivisionLocatorTests
{
    // agreement with NTS

    [Property(MaxTest = 12)]
    public void AgreesWithNtsCoversOnRandomVertexAndEdgePoints(int seed)
    {
        var divisions = LocatorFixtures.Tiling(seed, cells: 30 + Math.Abs(seed % 40));
        var points = LocatorFixtures.Points(divisions, seed, random: 3000);
        var boundaryPoints = CheckAgainstNts(divisions, points, new LocatorOptions { CellsPerSegment = 1 + Math.Abs(seed % 7) });
        // Vertices alone put hundreds of points on boundaries; the comparison must have exercised the tie rule.
        Assert.True(boundaryPoints > 200, $"only {boundaryPoints} points on a boundary");
    }

    [Fact]
    public void AgreesWithNtsOnEnclavesExclavesAndHoles()
    {
        var divisions = new List<Division>
        {
            Township("120101001", "POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,4 6,6 6,6 4,4 4))"),
            Township("120101002", "MULTIPOLYGON(((4 4,6 4,6 6,4 6,4 4)),((12 2,14 2,14 4,12 4,12 2)))"),
            Township("120101003", "POLYGON((10 0,20 0,20 10,10 10,10 0),(12 2,12 4,14 4,14 2,12 2))"),
            // A counter-enclave: a piece of 001 inside the hole of 003's own enclave-free part.
            Township("120101004", "POLYGON((20 0,30 0,30 10,20 10,20 0),(24 4,24 6,26 6,26 4,24 4))"),
            Township("120101005", "POLYGON((24 4,26 4,26 6,24 6,24 4))"),
        };
        var points = LocatorFixtures.Points(divisions, 5, random: 4000);
        var boundary = CheckAgainstNts(divisions, points, LocatorOptions.Default);
        Assert.True(boundary > 50, $"only {boundary} boundary points");
    }

    // tie rule

    [Fact]
    public void PointOnSharedEdgeGoesToSmallerCodeAndListsBoth()
    {
        var locator = DivisionLocator.Build(
        [
            Township("120101002", "POLYGON((0 0,10 0,10 10,0 10,0 0))"),
            Township("120101001", "POLYGON((10 0,20 0,20 10,10 10,10 0))"),
        ]);
        var (x, y) = Scaled(10, 5);
        var answer = locator.Locate(x, y).Levels.Single();
        Assert.True(answer.OnBoundary);
        Assert.Equal("120101001", answer.Division!.Code);
        Assert.Equal(["120101001", "120101002"], answer.Candidates.Select(d => d.Code));
        Span<int> fast = stackalloc int[1];
        var flags = locator.Locate(x, y, fast);
        Assert.Equal(LocateFlags.OnBoundary | LocateFlags.MultipleCandidates, flags);
        Assert.Equal(1, fast[0]);
        // Just inside each side, a single answer and no flag.
        Assert.Equal(LocateFlags.None, locator.Locate(Math.BitDecrement(x), y, fast));
        Assert.Equal(0, fast[0]);
        Assert.Equal(LocateFlags.None, locator.Locate(Math.BitIncrement(x), y, fast));
        Assert.Equal(1, fast[0]);
    }

    // dates

    [Fact]
    public void AnswersAsOnADate()
    {
        var change = new DateOnly(2020, 7, 1);
        var divisions = new List<Division>
        {
            Township("120101001", "POLYGON((0 0,10 0,10 10,0 10,0 0))") with { ValidTo = change },
            Township("120101002", "POLYGON((10 0,20 0,20 10,10 10,10 0))") with { ValidTo = change },
            // From the change on, 002 takes the strip 8..10 from 001.
            Township("120101001", "POLYGON((0 0,8 0,8 10,0 10,0 0))") with { ValidFrom = change },
            Township("120101002", "POLYGON((8 0,20 0,20 10,8 10,8 0))") with { ValidFrom = change },
        };
        var locator = DivisionLocator.Build(divisions);
        Assert.Equal(change, Assert.Single(locator.VersionDates));
        var (x, y) = Scaled(9, 5);
        Span<int> result = stackalloc int[1];
        locator.Locate(x, y, change.AddDays(-1), result);
        Assert.Equal(0, result[0]);
        locator.Locate(x, y, change, result);
        Assert.Equal(3, result[0]);
        locator.Locate(x, y, result);
        Assert.Equal(3, result[0]);
        Assert.Equal(0, locator.Locate(x, y, new LocateQueryOptions { At = new DateOnly(2000, 1, 1) }).Levels[0].DivisionIndex);
        // The old line at x = 10 is a boundary only before the change.
        var (bx, by) = Scaled(10, 5);
        Assert.True(locator.Locate(bx, by, new LocateQueryOptions { At = change.AddDays(-1) }).OnBoundary);
        Assert.False(locator.Locate(bx, by, new LocateQueryOptions { At = change }).OnBoundary);
    }

    // coordinate systems

    [Fact]
    public void ConvertsGcj02Bd09AndGaussKrugerInput()
    {
        var divisions = LocatorFixtures.Tiling(3);
        var locator = DivisionLocator.Build(divisions);
        var random = new Random(9);
        Span<int> expected = stackalloc int[locator.Levels.Length];
        Span<int> actual = stackalloc int[locator.Levels.Length];
        foreach (var crs in new[] { CrsCode.Gcj02, CrsCode.Bd09, CrsCode.GaussKruger(39, false), CrsCode.Wgs84 })
        {
            var toCrs = CoordinateTransformer.Create(CrsCode.Cgcs2000, crs);
            var back = CoordinateTransformer.Create(crs, CrsCode.Cgcs2000);
            for (var i = 0; i < 200; i++)
            {
                var (lon, lat) = (117.0 + random.NextDouble() * 0.5, 39.0 + random.NextDouble() * 0.3);
                var (x, y) = toCrs.Transform(lon, lat);
                // The oracle: the transformer's own inverse, then a CGCS2000 lookup.
                var (blon, blat) = back.Transform(x, y);
                locator.Locate(blon, blat, expected);
                locator.Locate(x, y, crs, null, actual);
                Assert.Equal(expected.ToArray(), actual.ToArray());
                var detailed = locator.Locate(x, y, new LocateQueryOptions { Crs = crs });
                Assert.Equal(expected.ToArray(), detailed.Levels.Select(l => l.DivisionIndex).ToArray());
                // And the conversion lands within a millimetre-scale distance of the original point.
                Assert.True(Math.Abs(blon - lon) < 1e-8 && Math.Abs(blat - lat) < 1e-8, $"{crs}: {lon},{lat} came back as {blon},{blat}");
            }
        }
    }

    // distance and ambiguity

    [Fact]
    public void DistanceToNearestBoundaryMatchesNtsOnTheGaussKrugerPlane()
    {
        var divisions = LocatorFixtures.Tiling(11);
        var locator = DivisionLocator.Build(divisions);
        Assert.Equal(CrsCode.GaussKruger(39, false), locator.MetricCrs);
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, locator.MetricCrs!.Value);
        var linesPerLevel = locator.Levels.ToDictionary(l => l, l => LocatorFixtures.Factory.BuildGeometry(
            divisions.Where(d => d.Level == l).Select(d => toGk.Transform(d.Geometry).Boundary).ToList()));
        var random = new Random(4);
        var ambiguousSeen = 0;
        for (var i = 0; i < 300; i++)
        {
            var (lon, lat) = (116.99 + random.NextDouble() * 0.52, 38.99 + random.NextDouble() * 0.32);
            var result = locator.Locate(lon, lat, new LocateQueryOptions { SigmaMeters = 150 });
            var (gx, gy) = toGk.Transform(lon, lat);
            foreach (var level in result.Levels)
            {
                var expected = linesPerLevel[level.Level].Distance(LocatorFixtures.Factory.CreatePoint(new Coordinate(gx, gy)));
                Assert.NotNull(level.BoundaryDistanceMeters);
                Assert.True(Math.Abs(level.BoundaryDistanceMeters!.Value - expected) < 1e-6,
                    $"{level.Level} at {lon},{lat}: {level.BoundaryDistanceMeters} m, NTS {expected} m");
                Assert.Equal(expected <= 150, level.Ambiguous);
                ambiguousSeen += level.Ambiguous ? 1 : 0;
            }
        }
        Assert.True(ambiguousSeen > 0, "no point fell within σ of a line");
        Assert.Null(locator.Locate(117.2, 39.1).Levels[0].BoundaryDistanceMeters);
    }

    // batch

    [Fact]
    public void BatchMatchesSinglePointAnswersOnAnyNumberOfThreads()
    {
        var divisions = LocatorFixtures.Tiling(21, cells: 60);
        var locator = DivisionLocator.Build(divisions);
        var points = LocatorFixtures.Points(divisions, 21, random: 60_000);
        var xs = points.Select(p => p.X).ToArray();
        var ys = points.Select(p => p.Y).ToArray();
        var levels = locator.Levels.Length;
        var expected = new int[xs.Length * levels];
        var expectedFlags = new LocateFlags[xs.Length];
        for (var i = 0; i < xs.Length; i++)
        {
            expectedFlags[i] = locator.Locate(xs[i], ys[i], expected.AsSpan(i * levels, levels));
        }
        foreach (var dop in new[] { 1, 2, -1 })
        {
            var actual = new int[expected.Length];
            var flags = new LocateFlags[xs.Length];
            locator.LocateBatch(xs, ys, actual, flags, maxDegreeOfParallelism: dop);
            Assert.Equal(expected, actual);
            Assert.Equal(expectedFlags, flags);
        }
        Assert.Contains(expectedFlags, f => f.HasFlag(LocateFlags.OnBoundary));
        Assert.Throws<ArgumentException>(() => locator.LocateBatch(xs, ys, new int[3]));
    }

    // invalid input

    [Fact]
    public void RejectsNonPolygonalGeometryAndReversedDates()
    {
        var line = new Division("120101001", "x", DivisionLevel.Township, null, new WKTReader().Read("LINESTRING(0 0,1 1)"));
        Assert.Throws<ArgumentException>(() => DivisionLocator.Build([line]));
        var reversed = Township("120101001", "POLYGON((0 0,1 0,1 1,0 0))") with { ValidFrom = new DateOnly(2020, 1, 1), ValidTo = new DateOnly(2019, 1, 1) };
        Assert.Throws<ArgumentException>(() => DivisionLocator.Build([reversed]));
        Assert.Throws<ArgumentOutOfRangeException>(() => DivisionLocator.Build([], new LocatorOptions { CellsPerSegment = 0 }));
    }

    // helpers

    /// <summary>Compares every point at every level with NTS; returns how many points NTS put on a boundary.</summary>
    internal static int CheckAgainstNts(List<Division> divisions, List<Coordinate> points, LocatorOptions options)
    {
        var locator = DivisionLocator.Build(divisions, options);
        var oracle = new NtsOracle(divisions);
        var failures = new StringBuilder();
        var onBoundary = 0;
        Span<int> fast = stackalloc int[locator.Levels.Length];
        foreach (var p in points)
        {
            var flags = locator.Locate(p.X, p.Y, fast);
            var detailed = locator.Locate(p.X, p.Y);
            var anyBoundary = false;
            for (var l = 0; l < locator.Levels.Length; l++)
            {
                var (covering, boundary) = oracle.At(locator.Levels[l], p);
                anyBoundary |= boundary;
                var answer = detailed.Levels[l];
                var got = answer.Candidates.Select(d => divisions.IndexOf(d)).Order().ToArray();
                var expectedChoice = covering.Length == 0 ? -1 : covering.OrderBy(i => divisions[i].Code, StringComparer.Ordinal).First();
                if (!got.SequenceEqual(covering) || answer.OnBoundary != boundary || answer.DivisionIndex != expectedChoice || fast[l] != expectedChoice)
                {
                    failures.AppendLine($"POINT({p.X:R} {p.Y:R}) {locator.Levels[l]}: NTS covers [{string.Join(',', covering)}] boundary={boundary}; " +
                        $"locator [{string.Join(',', got)}] boundary={answer.OnBoundary} choice={answer.DivisionIndex} fast={fast[l]}");
                }
            }
            onBoundary += anyBoundary ? 1 : 0;
            if (anyBoundary != flags.HasFlag(LocateFlags.OnBoundary))
            {
                failures.AppendLine($"POINT({p.X:R} {p.Y:R}): flags {flags}, NTS boundary={anyBoundary}");
            }
            if (failures.Length > 4000)
            {
                break;
            }
        }
        Assert.True(failures.Length == 0, failures.ToString());
        return onBoundary;
    }

    private static (double X, double Y) Scaled(double x, double y) => (117 + x / 64, 39 + y / 64);

    /// <summary>A township from WKT in small units, placed near Tianjin (1 unit = 1/64°, exact in binary).</summary>
    private static Division Township(string code, string wkt)
    {
        var g = new WKTReader().Read(wkt);
        g.Apply(new Scale());
        g.GeometryChanged();
        return new Division(code, code, DivisionLevel.Township, code[..6], g);
    }

    private sealed class Scale : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;
        public void Filter(CoordinateSequence seq, int i)
        {
            (var x, var y) = Scaled(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
