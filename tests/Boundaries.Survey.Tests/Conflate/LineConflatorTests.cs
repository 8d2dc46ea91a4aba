using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Topology;
using Boundaries.Geo.Validation;
using Boundaries.Survey.Compare;
using Boundaries.Survey.Conflate;
using Boundaries.Survey.Tests.Generate;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit.Abstractions;

namespace Boundaries.Survey.Tests.Conflate;

/// <summary>Issue 5 part 5: conflation on the generated small city and its generated survey.</summary>
public sealed class LineConflatorTests(GeneratedCampaign campaign, ITestOutputHelper output) : IClassFixture<GeneratedCampaign>
{
    // generated city --------------------------------------------------------------------------------------------------

    [Fact]
    public void RefusesDisplacedMarkersBeyondMaxShiftAndPullsLinesThroughTheRest()
    {
        var (result, points) = Run(0.5);
        var displaced = campaign.Survey.Truth.Markers.Where(m => m.OutOfTolerance).Select(m => m.Number).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(displaced);
        Assert.Equal(displaced, result.Refused.Where(r => r.Reason == ConflationRefusal.BeyondMaxShift).Select(r => r.Id).ToList());
        Assert.Equal(displaced, result.Refused.Select(r => r.Id).ToList());
        Assert.Equal(points.Length - displaced.Count, result.Accepted.Length);
        Assert.NotEmpty(result.Lines);
        AssertOnTheirLines(result, points, result.Accepted);
        output.WriteLine($"{result.Accepted.Length} points pulled, {result.Refused.Length} refused, {result.Lines.Length} lines and {result.Changed.Length} divisions changed, " +
            $"largest shift {result.Lines.Max(l => l.MaxShiftMeters):0.000} m");
    }

    [Fact]
    public void DefaultMaxShiftPullsTheDisplacedMarkersToo()
    {
        var (result, points) = Run(new ConflateOptions().MaxShiftMeters);
        Assert.Empty(result.Refused);
        AssertOnTheirLines(result, points, result.Accepted);
        Assert.InRange(result.Lines.Max(l => l.MaxShiftMeters), 0.8, 3.0 + 0.05);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(5)]
    public void KeepsTheCoverageExactAndTheTriJunctionsInPlace(double maxShift)
    {
        var (result, _) = Run(maxShift);
        Assert.False(CoverageChecker.Check(campaign.Divisions).HasErrors, "the generated city should be clean before conflation");
        var report = CoverageChecker.Check(result.Divisions);
        Assert.False(report.HasErrors, string.Join("; ", report.Findings.Take(5).Select(f => f.ToString())));
        foreach (var level in new[] { DivisionLevel.Township, DivisionLevel.District })
        {
            var polygons = result.Divisions.OfLevel(level).Select(d => d.Geometry).ToArray();
            var invalid = CoverageValidator.Validate(polygons, 0);
            Assert.All(invalid, e => Assert.Null(e));
        }
        var before = TriJunctions(campaign.Divisions);
        var after = TriJunctions(result.Divisions);
        Assert.Equal(before, after);
    }

    [Fact]
    public void ChangesAreasOnlyAroundTheMovedStretches()
    {
        var (result, _) = Run(5);
        var topology = EdgeTopology.Build(campaign.Divisions);
        var toMetric = CoordinateTransformer.Create(CrsCode.Cgcs2000, campaign.Divisions.Crs);
        var moved = result.Lines.ToDictionary(l => l.Id);
        var zone = new GeometryFactory().BuildGeometry(topology.Lines.Where(l => moved.ContainsKey(l.Id))
            .Select(l => toMetric.Transform(l.Geometry).Buffer(moved[l.Id].MaxShiftMeters + 0.01))).Union();
        var changed = result.Changed.Select(c => c.Code).ToHashSet();
        var before = campaign.Divisions.Divisions.ToDictionary(d => d.Code);
        foreach (var d in result.Divisions.Divisions)
        {
            if (!changed.Contains(d.Code))
            {
                Assert.Same(before[d.Code], d);
                continue;
            }
            var difference = before[d.Code].Geometry.SymmetricDifference(d.Geometry);
            Assert.True(difference.Area > 0 || d.Geometry.NumPoints != before[d.Code].Geometry.NumPoints, $"{d.Code} is reported changed but is not");
            Assert.True(zone.Covers(difference), $"{d.Code}: area changed away from the moved lines");
        }
        // both neighbours of every moved line are reported
        Assert.All(result.Lines, l => Assert.Subset(changed, new[] { l.Left!, l.Right! }.ToHashSet()));
    }

    // inline cases: three squares meeting at a tri-junction (GK zone 39, metres) ---------------------------------------

    [Fact]
    public void RefusesAPointNearATriJunctionUnlessNodesMayMove()
    {
        var set = ThreeSquares();
        var topology = EdgeTopology.Build(set);
        var node = topology.TriJunctions.Single();
        var toLonLat = CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000);
        // 0.3 m off the node at (500100, 4330100), beside the line between A and B
        var (lon, lat) = toLonLat.Transform(500100.2, 4330100.3);
        ConflationPoint[] points = [new("P", lon, lat)];

        var kept = LineConflator.Conflate(set, topology, points);
        Assert.Equal(ConflationRefusal.NearNode, Assert.Single(kept.Refused).Reason);
        Assert.Empty(kept.Changed);
        Assert.Same(set, kept.Divisions);

        var moved = LineConflator.Conflate(set, topology, points, new ConflateOptions { MoveNodes = true });
        Assert.Empty(moved.Refused);
        Assert.Equal(["A", "B", "C"], moved.Changed.Select(c => c.Code));
        var newNode = EdgeTopology.Build(moved.Divisions).TriJunctions.Single();
        var (e, n) = CoordinateTransformer.Create(CrsCode.Cgcs2000, set.Crs).Transform(newNode.Geometry.X, newNode.Geometry.Y);
        Assert.Equal(500100.2, e, 0.001);
        Assert.Equal(4330100.3, n, 0.001);
        Assert.All(CoverageValidator.Validate([.. moved.Divisions.Divisions.Select(d => d.Geometry)], 0), Assert.Null);
        Assert.All(moved.Divisions.Divisions, d => Assert.True(d.Geometry.IsValid, d.Code));
        Assert.Equal(ThreeSquares().Divisions.Sum(d => d.Geometry.Area), moved.Divisions.Divisions.Sum(d => d.Geometry.Area), 1e-6);
        Assert.NotEqual(node.Geometry.Coordinate, newNode.Geometry.Coordinate);
    }

    [Fact]
    public void LeavesALineAloneWhenItsNewCourseWouldCrossAnother()
    {
        // a thin division D (an enclave in A) runs 1 m above the A|C line; pulling that line 2 m up would cut through D
        var set = ThreeSquares(withStrip: true);
        var topology = EdgeTopology.Build(set);
        var ac = topology.Lines.Single(l => new[] { l.Left, l.Right }.Order().SequenceEqual(["A", "C"]));
        var (lon, lat) = CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000).Transform(500050, 4330102);
        var result = LineConflator.Conflate(set, topology, [new ConflationPoint("X", lon, lat, ac.Id)]);
        var refused = Assert.Single(result.Refused);
        Assert.Equal(ConflationRefusal.WouldCross, refused.Reason);
        Assert.Equal(2, refused.DistanceMeters!.Value, 0.001);
        Assert.Empty(result.Changed);

        // the same pull by 0.5 m passes below D and is made
        (lon, lat) = CoordinateTransformer.Create(set.Crs, CrsCode.Cgcs2000).Transform(500050, 4330100.5);
        var made = LineConflator.Conflate(set, topology, [new ConflationPoint("Y", lon, lat, ac.Id)]);
        Assert.Empty(made.Refused);
        Assert.Equal(["A", "C"], made.Changed.Select(c => c.Code));
    }

    // helpers ---------------------------------------------------------------------------------------------------------

    private (ConflationResult Result, ImmutableArray<ConflationPoint> Points) Run(double maxShift)
    {
        var observations = SurveyObservationReader.Read([campaign.Folder]);
        var topology = EdgeTopology.Build(campaign.Divisions);
        var comparison = SurveyComparer.Compare(campaign.Divisions, topology, observations);
        var points = ConflationPoints.From(observations, comparison);
        return (LineConflator.Conflate(campaign.Divisions, topology, points, new ConflateOptions { MaxShiftMeters = maxShift }), points);
    }

    /// <summary>Every accepted point lies within 1 mm of the boundary of both divisions beside its line.</summary>
    private void AssertOnTheirLines(ConflationResult result, ImmutableArray<ConflationPoint> points, ImmutableArray<string> accepted)
    {
        var toMetric = CoordinateTransformer.Create(CrsCode.Cgcs2000, campaign.Divisions.Crs);
        var lines = EdgeTopology.Build(campaign.Divisions).Lines.ToDictionary(l => l.Id);
        var divisions = result.Divisions.Divisions.Where(d => d.Level == DivisionLevel.Township).ToDictionary(d => d.Code);
        var byId = points.ToDictionary(p => p.Id);
        Assert.All(accepted, id =>
        {
            var p = byId[id];
            var (e, n) = toMetric.Transform(p.Longitude, p.Latitude);
            var at = new Point(e, n);
            var line = lines[p.LineId!.Value];
            Assert.True(divisions[line.Left!].Geometry.Boundary.Distance(at) <= 0.001, $"{id} not on {line.Left}");
            Assert.True(divisions[line.Right!].Geometry.Boundary.Distance(at) <= 0.001, $"{id} not on {line.Right}");
        });
    }

    private static List<(long, long)> TriJunctions(DivisionSet set) =>
        [.. EdgeTopology.Build(set).TriJunctions.Select(n => ((long)Math.Round(n.Geometry.X * 1e9), (long)Math.Round(n.Geometry.Y * 1e9))).Order()];

    private static DivisionSet ThreeSquares(bool withStrip = false)
    {
        var reader = new WKTReader();
        Division Square(string code, string wkt)
        {
            var local = reader.Read(wkt);
            var placed = local.Copy();
            placed.Apply(new CoordinateShift(500000, 4330000));
            return new Division(code, code, DivisionLevel.Township, "P", placed);
        }
        if (withStrip)
        {
            return new DivisionSet(
            [
                Square("A", "POLYGON ((0 100, 100 100, 100 200, 0 200, 0 100), (20 101, 20 103, 80 103, 80 101, 20 101))"),
                Square("B", "POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))"),
                Square("C", "POLYGON ((0 0, 200 0, 200 100, 100 100, 0 100, 0 0))"),
                Square("D", "POLYGON ((20 101, 80 101, 80 103, 20 103, 20 101))"),
            ], CrsCode.GaussKruger(39, false));
        }
        return new DivisionSet(
        [
            Square("A", "POLYGON ((0 100, 100 100, 100 200, 0 200, 0 100))"),
            Square("B", "POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))"),
            Square("C", "POLYGON ((0 0, 200 0, 200 100, 100 100, 0 100, 0 0))"),
        ], CrsCode.GaussKruger(39, false));
    }

    private sealed class CoordinateShift(double dx, double dy) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, seq.GetX(i) + dx);
            seq.SetY(i, seq.GetY(i) + dy);
        }
    }
}
