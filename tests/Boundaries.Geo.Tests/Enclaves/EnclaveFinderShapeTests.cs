using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>Hand-drawn coverages in EPSG:4548 (GK metres) whose classes follow from the definitions.</summary>
public sealed class EnclaveFinderShapeTests
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");

    private static Division D(string code, string wkt) =>
        new(code, code, DivisionLevel.Township, null, new WKTReader().Read(wkt));

    private static ImmutableArray<EnclaveFinding> Find(EnclaveOptions? options, params Division[] divisions) =>
        EnclaveFinder.Find(new DivisionSet([.. divisions], Gk), options);

    private const double X = 500000, Y = 4300000;

    private static string Box(double x0, double y0, double x1, double y1) =>
        $"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})";

    [Fact]
    public void NestedPieces_GetOrdersOneTwoThree()
    {
        // A has a hole holding B's piece, which has a hole holding A's piece, which has a hole holding B's piece.
        var a = D("A", $"MULTIPOLYGON(({Box(0, 0, 1000, 1000)}, {Box(100, 100, 900, 900)}), ({Box(300, 300, 700, 700)}, {Box(400, 400, 600, 600)}))");
        var b = D("B", $"MULTIPOLYGON(({Box(1000, 0, 3000, 1000)}), ({Box(100, 100, 900, 900)}, {Box(300, 300, 700, 700)}), ({Box(400, 400, 600, 600)}))");
        var findings = Find(null, a, b);
        Assert.Equal(
            [("A", EnclaveClass.CounterEnclave, 2), ("B", EnclaveClass.Enclave, 1), ("B", EnclaveClass.CounterEnclave, 3)],
            findings.Select(f => (f.Owner, f.Class, f.Order)).ToList());
        Assert.All(findings, f => Assert.Equal(f.Owner == "A" ? "B" : "A", Assert.Single(f.Hosts)));
    }

    [Fact]
    public void SharedPointIsNotAdjacency_PiecesTouchingAtACornerAreStillEnclaves()
    {
        // Two holes of A touching at one point, filled by a piece of B and a piece of C.
        var a = D("A", $"POLYGON({Box(0, 0, 1000, 1000)}, {Box(100, 100, 200, 200)}, {Box(200, 200, 300, 300)})");
        var b = D("B", $"MULTIPOLYGON(({Box(-1000, 0, 0, 1000)}), ({Box(100, 100, 200, 200)}))");
        var c = D("C", $"MULTIPOLYGON(({Box(1000, 0, 2000, 1000)}), ({Box(200, 200, 300, 300)}))");
        var findings = Find(null, a, b, c);
        Assert.Equal(2, findings.Length);
        Assert.All(findings, f =>
        {
            Assert.Equal(EnclaveClass.Enclave, f.Class);
            Assert.Equal("A", Assert.Single(f.Hosts));
            Assert.Equal(10000, f.AreaSquareMeters, 0.02 * 10000);
        });
    }

    [Fact]
    public void SeatPoint_ChoosesTheMainPart()
    {
        var a = D("A", $"MULTIPOLYGON(({Box(0, 0, 1000, 1000)}, {Box(100, 100, 200, 200)}))");
        var b = D("B", $"MULTIPOLYGON(({Box(1000, 0, 3000, 1000)}), ({Box(100, 100, 200, 200)}))");
        var byArea = Assert.Single(Find(null, a, b));
        Assert.Equal(1, byArea.Evidence.PartIndex);
        var seat = new Point(X + 150, Y + 150);
        var bySeat = Assert.Single(Find(new EnclaveOptions { Seats = ImmutableDictionary<string, Point>.Empty.Add("B", seat) }, a, b));
        Assert.Equal(0, bySeat.Evidence.PartIndex);
        Assert.Equal(EnclaveClass.SemiEnclave, bySeat.Class); // the big part borders A and the outer edge
    }

    [Fact]
    public void NeckNarrowerThanWidth_IsPractical_WiderIsNot()
    {
        // A: a 1 km square with a 0.5 km x 1 km lobe east of it joined by a 40 m wide, 200 m long neck; B fills the rest.
        var shape = $"POLYGON(({X} {Y}, {X + 1000} {Y}, {X + 1000} {Y + 480}, {X + 1200} {Y + 480}, {X + 1200} {Y}, {X + 1700} {Y}, {X + 1700} {Y + 1000}, {X + 1200} {Y + 1000}, {X + 1200} {Y + 520}, {X + 1000} {Y + 520}, {X + 1000} {Y + 1000}, {X} {Y + 1000}, {X} {Y}))";
        var a = D("A", shape);
        var b = D("B", $"POLYGON(({X + 1000} {Y}, {X + 1000} {Y + 480}, {X + 1200} {Y + 480}, {X + 1200} {Y}, {X + 1000} {Y}))");
        var c = D("C", $"POLYGON(({X + 1000} {Y + 1000}, {X + 1000} {Y + 520}, {X + 1200} {Y + 520}, {X + 1200} {Y + 1000}, {X + 1000} {Y + 1000}))");
        Assert.Empty(Find(new EnclaveOptions { NeckWidthMeters = 30 }, a, b, c).Where(f => f.Owner == "A"));
        var lobe = Assert.Single(Find(new EnclaveOptions { NeckWidthMeters = 50 }, a, b, c).Where(f => f.Owner == "A"));
        Assert.Equal(EnclaveClass.PracticalNeck, lobe.Class);
        Assert.InRange(lobe.AreaSquareMeters, 0.5e6, 0.5e6 + 200 * 40 + 1000);
        Assert.Equal(new[] { "B", "C" }, lobe.Hosts.Order().ToArray());
    }
}
