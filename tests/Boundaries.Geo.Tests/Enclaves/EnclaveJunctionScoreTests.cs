using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using NetTopologySuite.IO;
using Xunit;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>Junctions a transfer removes or keeps, on hand-drawn squares whose nodes can be counted by eye.</summary>
public sealed class EnclaveJunctionScoreTests
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private const double X = 500000, Y = 4300000;

    private static string Box(double x0, double y0, double x1, double y1) =>
        $"({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0})";

    /// <summary>[0,2000] × [y0,y1] with a vertex at x = 1000 on the side at <paramref name="nodedY"/> (the coverage is noded, as the finder requires).</summary>
    private static string Strip(double y0, double y1, double nodedY) => nodedY == y0
        ? $"(({X} {Y + y0}, {X + 1000} {Y + y0}, {X + 2000} {Y + y0}, {X + 2000} {Y + y1}, {X} {Y + y1}, {X} {Y + y0}))"
        : $"(({X} {Y + y0}, {X + 2000} {Y + y0}, {X + 2000} {Y + y1}, {X + 1000} {Y + y1}, {X} {Y + y1}, {X} {Y + y0}))";

    private static Division D(string code, string wkt) => new(code, code, DivisionLevel.Township, null, new WKTReader().Read(wkt));

    [Fact]
    public void ExclaveBetweenThreeNeighbours_TransferRemovesTheTwoNodesOnTheReceiversBorder()
    {
        // A's piece P = [0,1000]²: R on its right, N above, S below, the outer edge on its left. Its four corners are
        // nodes: (1000,0) P|R|S, (1000,1000) P|R|N, (0,1000) P|N|outside, (0,0) P|S|outside.
        var set = new DivisionSet([
            D("A", $"MULTIPOLYGON(({Box(3000, 0, 4000, 1000)}), ({Box(0, 0, 1000, 1000)}))"),
            D("R", $"POLYGON({Box(1000, 0, 2000, 1000)})"),
            D("N", $"POLYGON{Strip(1000, 2000, 1000)}"),
            D("S", $"POLYGON{Strip(-1000, 0, 0)}"),
        ], Gk);
        var findings = EnclaveFinder.Find(set, null);
        var finding = Assert.Single(findings);
        Assert.Equal(EnclaveClass.Exclave, finding.Class);
        var options = EnclaveResolver.Options(set, findings).Where(o => o.Kind != ResolutionKind.Keep).ToDictionary(o => o.To!);
        Assert.Equal(["N", "R", "S"], options.Keys.Order(StringComparer.Ordinal));
        foreach (var to in new[] { "R", "N", "S" })
        {
            Assert.Equal(2, options[to].Score.JunctionsRemoved);
            Assert.Equal(2, options[to].Score.JunctionsKept);
        }
    }

    [Fact]
    public void PieceTouchingTheReceiverAlongTwoSides_RemovesOnlyTheEndsOfThatBorder()
    {
        // P = [0,1000]²; R wraps its right and top sides (an L); S below; outer edge on the left. Nodes: (0,1000) P|R|out,
        // (1000,0) P|R|S, (0,0) P|S|out; the corner (1000,1000) is inside R's border, not a node.
        var set = new DivisionSet([
            D("A", $"MULTIPOLYGON(({Box(3000, 0, 4000, 1000)}), ({Box(0, 0, 1000, 1000)}))"),
            D("R", $"POLYGON(({X + 1000} {Y}, {X + 2000} {Y}, {X + 2000} {Y + 2000}, {X} {Y + 2000}, {X} {Y + 1000}, {X + 1000} {Y + 1000}, {X + 1000} {Y}))"),
            D("S", $"POLYGON{Strip(-1000, 0, 0)}"),
        ], Gk);
        var findings = EnclaveFinder.Find(set, null);
        var options = EnclaveResolver.Options(set, findings).Where(o => o.Kind != ResolutionKind.Keep).ToDictionary(o => o.To!);
        Assert.Equal((2, 1), (options["R"].Score.JunctionsRemoved, options["R"].Score.JunctionsKept));
        Assert.Equal((2, 1), (options["S"].Score.JunctionsRemoved, options["S"].Score.JunctionsKept));
        Assert.Equal(ResolutionKind.TransferToHost, options["R"].Kind); // the longer border
    }

    [Fact]
    public void EnclaveInsideOneDivision_HasNoJunctions()
    {
        var set = new DivisionSet([
            D("A", $"MULTIPOLYGON(({Box(-1000, 0, 0, 1000)}), ({Box(300, 300, 600, 600)}))"),
            D("B", $"POLYGON({Box(0, 0, 1000, 1000)}, {Box(300, 300, 600, 600)})"),
        ], Gk);
        var findings = EnclaveFinder.Find(set, null);
        var transfer = Assert.Single(EnclaveResolver.Options(set, findings), o => o.Kind != ResolutionKind.Keep);
        Assert.Equal((0, 0), (transfer.Score.JunctionsRemoved, transfer.Score.JunctionsKept));
    }
}
