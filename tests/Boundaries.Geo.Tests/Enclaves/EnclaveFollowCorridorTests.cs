using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.Operation.Distance;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>
/// Corridors and widened necks that follow a road: by hand in EPSG:4548 (GK metres, central meridian, scale 1), and on
/// generated cities with roads laid across the gaps and around the necks, each option applied alone.
/// </summary>
public sealed class EnclaveFollowCorridorTests(ITestOutputHelper log)
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private const double X = 500000, Y = 4300000;

    private static string Box(double x0, double y0, double x1, double y1) =>
        $"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})";

    private static Geometry Line(params (double X, double Y)[] points) =>
        new WKTReader().Read($"LINESTRING({string.Join(", ", points.Select(p => $"{X + p.X} {Y + p.Y}"))})");

    /// <summary>A: main 0–1000 and a 200 × 200 piece at x 1100–1300, y 400–600 inside B (gap 100 m); B: 1000–2000 with the hole; C above.</summary>
    private static DivisionSet CorridorCase()
    {
        var reader = new WKTReader();
        return new DivisionSet(
        [
            new("A", "A", DivisionLevel.Township, null, reader.Read($"MULTIPOLYGON(({Box(0, 0, 1000, 1000)}), ({Box(1100, 400, 1300, 600)}))")),
            new("B", "B", DivisionLevel.Township, null, reader.Read($"POLYGON({Box(1000, 0, 2000, 1000)}, {Box(1100, 400, 1300, 600)})")),
            new("C", "C", DivisionLevel.Township, null, reader.Read($"POLYGON({Box(0, 1000, 2000, 2000)})")),
        ], Gk);
    }

    private static void AssertClean(DivisionSet set)
    {
        // the hand-drawn codes are letters: MalformedCode is expected; any other error is not
        var errors = CoverageChecker.Check(set).Findings.Where(f => f.Severity.ToString() == "Error" && f.Code.ToString() != "MalformedCode").ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(f => $"{f.Code} {string.Join(",", f.Divisions)} {f.Message}")));
    }

    private static Geometry Of(DivisionSet set, string code) => set.Divisions.Single(d => d.Code == code).Geometry;

    [Fact]
    public void RoadFromThePieceToTheMainPart_TheCorridorFollowsIt()
    {
        var set = CorridorCase();
        // the road leaves the piece at y 480, bends across the gap and reaches the main part at y 520 (at most 20 m from
        // the straight corridor's axis y = 500); in the gap: 20 m + 72.11 m + 20 m, both ends square to the edges
        var road = Line((1200, 480), (1080, 480), (1020, 520), (900, 520));
        var findings = EnclaveFinder.Find(set);
        var inputs = new ScoringInputs { Lines = road, FollowToleranceMeters = 10.5 };
        var options = EnclaveResolver.Options(set, findings, inputs, ResolverSettings.Default with { FollowToleranceMeters = 30 });
        var corridors = options.Where(o => o.Kind == ResolutionKind.Corridor).ToList();
        Assert.Equal(2, corridors.Count);
        var (straight, along) = (corridors[0], corridors[1]);
        Assert.InRange(straight.Score.AreaMovedSquareMeters, 1990, 2010);
        // a 20 m strip around the 112.11 m centre line, two bends of 33.69° (round outside, overlap inside):
        // 2 · 10 · 112.111 + 2 · (10² · 0.5880 / 2 − 10² · tan(16.845°)) = 2242.22 − 1.76 = 2240.46 m²
        Assert.InRange(along.Score.AreaMovedSquareMeters, 2238, 2242);
        Assert.Equal(("B", "A"), (Assert.Single(along.Moves).From, along.Moves[0].To));
        // new boundary: the corridor's two sides, 10 m off the road: all of it follows the road within 10.5 m; of the
        // straight corridor's sides (y 490 and 510) only ~54 m each come within 10.5 m of the road
        Assert.Equal(1, along.Score.NewBoundaryFollowingShare!.Value, 3);
        Assert.InRange(straight.Score.NewBoundaryFollowingShare!.Value, 0.45, 0.65);
        foreach (var (option, roadInside) in new[] { (straight, false), (along, true) })
        {
            var (after, _) = EnclaveApplier.Apply(set, new EnclavePlan([option], option.Score.Cost, "test"), DivisionLevel.Township);
            AssertClean(after);
            Assert.Equal(1, Of(after, "A").NumGeometries);
            Assert.Equal(1, Of(after, "B").NumGeometries);
            Assert.Equal(Of(set, "A").Area + option.Moves[0].AreaSquareMeters, Of(after, "A").Area, 0.5);
            // the road stays within one division only when the corridor follows it
            Assert.Equal(roadInside, Of(after, "A").Buffer(0.01).Covers(road));
        }
    }

    [Fact]
    public void NoRoadWithinTheTolerance_OnlyTheStraightCorridor()
    {
        var set = CorridorCase();
        // a road from the piece to the main part 70 m from the axis (y 570): beyond the 30 m tolerance
        var road = Line((1200, 570), (900, 570));
        var findings = EnclaveFinder.Find(set);
        var options = EnclaveResolver.Options(set, findings, new ScoringInputs { Lines = road }, ResolverSettings.Default with { FollowToleranceMeters = 30 });
        var corridor = Assert.Single(options, o => o.Kind == ResolutionKind.Corridor);
        Assert.InRange(corridor.Score.AreaMovedSquareMeters, 1990, 2010);
        Assert.Equal(200, corridor.Score.NewBoundaryMeters, 0.01);
        // and a road that crosses the gap but wanders 40 m off the axis midway is not followed either
        var wandering = Line((1200, 500), (1050, 460), (900, 500));
        Assert.Single(EnclaveResolver.Options(set, findings, new ScoringInputs { Lines = wandering }, ResolverSettings.Default with { FollowToleranceMeters = 30 }),
            o => o.Kind == ResolutionKind.Corridor);
    }

    /// <summary>A: main 0–1000 joined through a 20 m neck (x 1000–1300, y 490–510) to a 400 × 400 lobe; B: the rest of 1000–2000.</summary>
    private static DivisionSet NeckCase()
    {
        var a = $"POLYGON(({X} {Y}, {X + 1000} {Y}, {X + 1000} {Y + 490}, {X + 1300} {Y + 490}, {X + 1300} {Y + 300}, {X + 1700} {Y + 300}, {X + 1700} {Y + 700}, {X + 1300} {Y + 700}, {X + 1300} {Y + 510}, {X + 1000} {Y + 510}, {X + 1000} {Y + 1000}, {X} {Y + 1000}, {X} {Y}))";
        var reader = new WKTReader();
        var aGeom = reader.Read(a);
        var b = reader.Read($"POLYGON({Box(1000, 0, 2000, 1000)})").Difference(aGeom);
        return new DivisionSet([new("A", "A", DivisionLevel.Township, null, aGeom), new("B", "B", DivisionLevel.Township, null, b)], Gk);
    }

    [Fact]
    public void WidenedNeck_ReachesOutToTheRoad10mBeyondItsEdge()
    {
        var set = NeckCase();
        // the widened passage (W = 50) runs y 465–535; a road along y = 545 from the main part to the lobe
        var road = Line((1000, 545), (1300, 545));
        var findings = EnclaveFinder.Find(set, new EnclaveOptions { NeckWidthMeters = 50 });
        var inputs = new ScoringInputs { Lines = road, FollowToleranceMeters = 5 };
        var options = EnclaveResolver.Options(set, findings, inputs, ResolverSettings.Default with { FollowToleranceMeters = 30 });
        var widen = options.Where(o => o.Kind == ResolutionKind.WidenNeck).ToList();
        Assert.Equal(2, widen.Count);
        var (plain, along) = (widen[0], widen[1]);
        // the band between the strip's edge (y 535) and the road (y 545), 300 m long: 3000 m² more
        Assert.InRange(along.Score.AreaMovedSquareMeters - plain.Score.AreaMovedSquareMeters, 2990, 3010);
        // the new boundary's upper side (300 of ~600 m) is now the road
        Assert.Equal(0, plain.Score.NewBoundaryFollowingShare!.Value, 3);
        Assert.InRange(along.Score.NewBoundaryFollowingShare!.Value, 0.45, 0.55);
        var (after, _) = EnclaveApplier.Apply(set, new EnclavePlan([along], along.Score.Cost, "test"), DivisionLevel.Township);
        AssertClean(after);
        Assert.Equal(1, Of(after, "B").NumGeometries);
        Assert.InRange(Of(after, "A").Boundary.Intersection(road.Buffer(0.01)).Length, 299, 301);
        Assert.Empty(EnclaveFinder.Find(after, new EnclaveOptions { NeckWidthMeters = 50 }));
        // without a road within the tolerance, only the plain widening
        var far = EnclaveResolver.Options(set, findings, new ScoringInputs { Lines = Line((1000, 600), (1300, 600)) }, ResolverSettings.Default with { FollowToleranceMeters = 30 });
        Assert.Single(far, o => o.Kind == ResolutionKind.WidenNeck);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GeneratedCity_CorridorsAlongRoads_AppliedAlone_JoinThePiece_ValidateClean_CutNothing(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Dirty = EnclaveTruth.EnclavesOnly });
        var set = city.Divisions;
        var findings = EnclaveFinder.Find(set);
        // a road across each detached piece's gap: from 30 m inside the piece to 30 m inside the main part, bent 10 m sideways midway
        var roads = new List<Geometry>();
        foreach (var f in findings.Where(f => f.Evidence.PartIndex >= 0))
        {
            var owner = set.Divisions.Single(d => d.Level == f.Level && d.Code == f.Owner).Geometry;
            var main = Enumerable.Range(0, owner.NumGeometries).Select(owner.GetGeometryN).MaxBy(g => g.Area)!;
            var piece = owner.GetGeometryN(f.Evidence.PartIndex);
            var pq = DistanceOp.NearestPoints(piece, main);
            var (p, q) = (pq[0], pq[1]);
            var d = p.Distance(q);
            if (d < 1)
            {
                continue;
            }
            var (ux, uy) = ((q.X - p.X) / d, (q.Y - p.Y) / d);
            roads.Add(piece.Factory.CreateLineString(
            [
                new(p.X - ux * 30, p.Y - uy * 30),
                new((p.X + q.X) / 2 - uy * 10, (p.Y + q.Y) / 2 + ux * 10),
                new(q.X + ux * 30, q.Y + uy * 30),
            ]));
        }
        var lines = set.Divisions[0].Geometry.Factory.BuildGeometry(roads);
        var options = EnclaveResolver.Options(set, findings, new ScoringInputs { Lines = lines },
            ResolverSettings.Default with { CorridorMaxMeters = 2000, FollowToleranceMeters = 40 });
        var along = options.Where(o => o.Kind == ResolutionKind.Corridor).GroupBy(o => o.Finding).Where(g => g.Count() == 2).Select(g => g.Last()).ToList();
        log.WriteLine($"{findings.Length} findings, {roads.Count} roads, {along.Count} corridors along a road");
        Assert.NotEmpty(along);
        var before = CoverageChecker.Check(set).Findings.Count(e => e.Severity.ToString() == "Error");
        foreach (var c in along)
        {
            var f = findings[c.Finding];
            var (after, _) = EnclaveApplier.Apply(set, new EnclavePlan([c], c.Score.Cost, "test"), f.Level);
            Assert.True(CoverageChecker.Check(after).Findings.Count(e => e.Severity.ToString() == "Error") <= before, $"corridor of finding {c.Finding}");
            var owner = set.Divisions.Single(d => d.Level == f.Level && d.Code == f.Owner);
            var joined = after.Divisions.Single(d => d.Level == f.Level && d.Code == f.Owner);
            Assert.Equal(owner.Geometry.NumGeometries - 1, joined.Geometry.NumGeometries);
            Assert.All(c.Moves, m => Assert.Equal(
                set.Divisions.Single(d => d.Level == f.Level && d.Code == m.From).Geometry.NumGeometries,
                after.Divisions.Single(d => d.Level == f.Level && d.Code == m.From).Geometry.NumGeometries));
            // the road across the gap now lies in the owner
            var road = roads.First(r => owner.Geometry.Intersects(r) && c.Moves.Any(m => CoordinateTransformer.Create(CrsCode.Cgcs2000, set.Crs).Transform(m.Piece).Intersects(r)));
            Assert.True(joined.Geometry.Buffer(0.01).Covers(road), $"road of finding {c.Finding} left outside the corridor");
            Assert.InRange(c.Score.NewBoundaryFollowingShare!.Value, 0.99, 1);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GeneratedCity_WidenedNecksReachingARoad_AppliedAlone_ValidateClean_CutNothing(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Dirty = EnclaveTruth.EnclavesOnly });
        var set = city.Divisions;
        var findings = EnclaveFinder.Find(set, new EnclaveOptions { Level = DivisionLevel.Township, NeckWidthMeters = 60 });
        var plain = EnclaveResolver.Options(set, findings, null, ResolverSettings.Default).Where(o => o.Kind == ResolutionKind.WidenNeck).ToList();
        Assert.NotEmpty(plain);
        // a road ringing each widening 10 m beyond it
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, set.Crs);
        var lines = set.Divisions[0].Geometry.Factory.BuildGeometry(plain.SelectMany(o => o.Moves).Select(m => toGk.Transform(m.Piece).Buffer(10).Boundary));
        var options = EnclaveResolver.Options(set, findings, new ScoringInputs { Lines = lines }, ResolverSettings.Default with { FollowToleranceMeters = 30 });
        var along = options.Where(o => o.Kind == ResolutionKind.WidenNeck).GroupBy(o => o.Finding).Where(g => g.Count() == 2).Select(g => (Plain: g.First(), Along: g.Last())).ToList();
        log.WriteLine($"{findings.Length} findings, {plain.Count} widenings, {along.Count} along a road");
        Assert.NotEmpty(along);
        var before = CoverageChecker.Check(set).Findings.Count(e => e.Severity.ToString() == "Error");
        var area = set.OfLevel(DivisionLevel.Township).Sum(d => d.Geometry.Area);
        foreach (var (p, w) in along)
        {
            Assert.True(w.Score.AreaMovedSquareMeters > p.Score.AreaMovedSquareMeters, "grows only");
            var (after, _) = EnclaveApplier.Apply(set, new EnclavePlan([w], w.Score.Cost, "test"), DivisionLevel.Township);
            Assert.True(CoverageChecker.Check(after).Findings.Count(e => e.Severity.ToString() == "Error") <= before, $"widening of finding {w.Finding}");
            Assert.Equal(area, after.OfLevel(DivisionLevel.Township).Sum(d => d.Geometry.Area), 1e-2);
            Assert.All(w.Moves.Select(m => m.From).Append(w.From).Distinct(), code => Assert.Equal(
                set.OfLevel(DivisionLevel.Township).Single(d => d.Code == code).Geometry.NumGeometries,
                after.OfLevel(DivisionLevel.Township).Single(d => d.Code == code).Geometry.NumGeometries));
        }
    }
}
