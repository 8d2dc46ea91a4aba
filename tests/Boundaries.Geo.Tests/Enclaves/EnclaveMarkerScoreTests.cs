using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>Markers (界桩) an option would have to move, on hand-drawn squares where each marker's fate is known by eye.</summary>
public sealed class EnclaveMarkerScoreTests
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private const double X = 500000, Y = 4300000;

    private static string Box(double x0, double y0, double x1, double y1) =>
        $"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})";

    private static string Strip(double y0, double y1, double nodedY) => nodedY == y0
        ? $"(({X} {Y + y0}, {X + 1000} {Y + y0}, {X + 2000} {Y + y0}, {X + 2000} {Y + y1}, {X} {Y + y1}, {X} {Y + y0}))"
        : $"(({X} {Y + y0}, {X + 2000} {Y + y0}, {X + 2000} {Y + y1}, {X + 1000} {Y + y1}, {X} {Y + y1}, {X} {Y + y0}))";

    private static Division D(string code, string wkt) => new(code, code, DivisionLevel.Township, null, new WKTReader().Read(wkt));

    /// <summary>A marker at GK (x, y) from the origin (scoring layers are in the division set's CRS).</summary>
    private static BoundaryMarker M(string id, double x, double y) => new(id, new GeometryFactory().CreatePoint(new Coordinate(X + x, Y + y)));

    // A's piece P = [0,1000]²: R on its right, N above, S below, the outer edge on its left (as in EnclaveJunctionScoreTests).
    private static DivisionSet ExclaveCity() => new([
        D("A", $"MULTIPOLYGON(({Box(3000, 0, 4000, 1000)}), ({Box(0, 0, 1000, 1000)}))"),
        D("R", $"POLYGON({Box(1000, 0, 2000, 1000)})"),
        D("N", $"POLYGON{Strip(1000, 2000, 1000)}"),
        D("S", $"POLYGON{Strip(-1000, 0, 0)}"),
    ], Gk);

    private static readonly ImmutableArray<BoundaryMarker> Markers =
    [
        M("PR-on", 1000, 500),       // on P|R
        M("PR-off", 1000.6, 300),    // 0.6 m off P|R, within 1 m
        M("PR-far", 1003, 700),      // 3 m off P|R: beyond the tolerance
        M("PN-1", 500, 1000),        // on P|N
        M("PN-2", 200, 1000),        // on P|N
        M("PRN", 1000, 1000),        // the tri-junction P|R|N: still on a boundary after any transfer
        M("RN", 1500, 1000),         // on R|N, untouched
        M("PS", 500, 0),             // on P|S
        M("edge", 0, 500),           // on the outer edge
    ];

    [Fact]
    public void Transfer_MovesTheMarkersOnTheBorderWithTheReceiver_AndNoOther()
    {
        var set = ExclaveCity();
        var findings = EnclaveFinder.Find(set, null);
        var inputs = new ScoringInputs { Markers = Markers };
        var options = EnclaveResolver.Options(set, findings, inputs, ResolverSettings.TransfersOnly).Where(o => o.Kind != ResolutionKind.Keep).ToDictionary(o => o.To!);
        Assert.Equal(["PR-off", "PR-on"], options["R"].Score.MarkersMoved.ToArray());
        Assert.Equal(["PN-1", "PN-2"], options["N"].Score.MarkersMoved.ToArray());
        Assert.Equal(["PS"], options["S"].Score.MarkersMoved.ToArray());

        // the weight adds to the cost per marker; without markers the costs are the former ones
        var plain = EnclaveResolver.Options(set, findings, null, ResolverSettings.TransfersOnly).Where(o => o.Kind != ResolutionKind.Keep).ToDictionary(o => o.To!);
        foreach (var (to, o) in options)
        {
            Assert.Empty(plain[to].Score.MarkersMoved.ToArray());
            Assert.Equal(plain[to].Score.Cost + 0.5 * o.Score.MarkersMoved.Length, o.Score.Cost, 6);
        }
    }

    [Fact]
    public void Tolerance_DecidesWhetherAMarkerBesideTheLineMoves()
    {
        var set = ExclaveCity();
        var findings = EnclaveFinder.Find(set, null);
        var wide = EnclaveResolver.Options(set, findings, new ScoringInputs { Markers = Markers, MarkerToleranceMeters = 5 }, ResolverSettings.TransfersOnly)
            .Single(o => o.To == "R");
        Assert.Equal(["PR-far", "PR-off", "PR-on"], wide.Score.MarkersMoved.ToArray());
        var narrow = EnclaveResolver.Options(set, findings, new ScoringInputs { Markers = Markers, MarkerToleranceMeters = 0.1 }, ResolverSettings.TransfersOnly)
            .Single(o => o.To == "R");
        Assert.Equal(["PR-on"], narrow.Score.MarkersMoved.ToArray());
    }

    [Fact]
    public void Planner_WeighsTheMarkers_ChoosingTheTransferThatMovesFewest()
    {
        var set = ExclaveCity();
        var findings = EnclaveFinder.Find(set, null);
        // every transfer has the same area and border length: the markers decide
        var options = EnclaveResolver.Options(set, findings, new ScoringInputs { Markers = Markers, MarkerWeight = 5 }, ResolverSettings.TransfersOnly);
        var plan = EnclavePlanner.Plan(options, PlanConstraints.None);
        var chosen = Assert.Single(plan.Choices);
        Assert.Equal("S", chosen.To);
        Assert.Equal(["PS"], chosen.Score.MarkersMoved.ToArray());
    }

    [Fact]
    public void Merge_MovesEveryMarkerOnTheSurroundedDivisionsRing_NotThoseOnTheHostsOuterEdge()
    {
        // B = [300,600]² inside H = [0,1000]²; the merge removes B's whole ring
        var set = new DivisionSet([
            D("H", $"POLYGON({Box(0, 0, 1000, 1000)}, {Box(300, 300, 600, 600)})"),
            D("B", $"POLYGON({Box(300, 300, 600, 600)})"),
        ], Gk);
        var findings = EnclaveFinder.Find(set, null);
        var finding = Assert.Single(findings);
        Assert.Equal(EnclaveClass.Surrounded, finding.Class);
        var inputs = new ScoringInputs { Markers = [M("B-south", 450, 300), M("B-corner", 600, 600), M("B-west", 299.5, 400), M("H-edge", 0, 500), M("inside", 450, 450)] };
        var merge = Assert.Single(EnclaveResolver.Options(set, findings, inputs, ResolverSettings.Default with { MergeSurrounded = true }), o => o.Kind == ResolutionKind.Merge);
        Assert.Equal(["B-corner", "B-south", "B-west"], merge.Score.MarkersMoved.ToArray());
    }
}
