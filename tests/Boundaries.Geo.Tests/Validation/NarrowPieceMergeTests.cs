using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Validation;

/// <summary>
/// One displaced stretch of edge, one finding: the thin gap and overlap pieces a displaced edge breaks into are merged.
/// Oracles: hand-made zigzags whose pieces are triangles of known height and area, and the generator's truth manifest.
/// </summary>
public sealed class NarrowPieceMergeTests
{
    // A (west) and B (east) share x = 500 000 from y = 4 300 000 to 4 301 000 (EPSG:4548 metres), a vertex every 50 m;
    // B's copy is moved east (+) or west (-) at some of them.

    [Fact]
    public void ThreeTouchingPiecesOfOneZigzagAreOneNearMissWithTheWidestDeviation()
    {
        // Triangles 100 m long, 0.1, 0.2 and 0.3 m high, alternating sides (overlap, gap, overlap), meeting at their tips.
        var report = Check(B((100, 0.1), (200, -0.2), (300, 0.3)));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingCode.NearMissEdge, finding.Code);
        Assert.Equal(["A", "B"], finding.Divisions.ToArray());
        // The widest piece is the 0.3 m triangle: its inscribed circle is a hair under 0.3 m across.
        Assert.InRange(finding.Measure!.Value, 0.29, 0.3);
        // Location: all three triangles, 5 + 10 + 15 m² (the zone's scale factor on its central meridian is 1).
        Assert.InRange(Geo.Measure.EllipsoidalMeasure.AreaSquareMeters(finding.Location), 29.9, 30.1);
        Assert.Equal(3, finding.Location.NumGeometries);
        Assert.Contains("in 3 pieces", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PiecesFarApartAreTwoFindingsUnlessTheJoinDistanceReachesThem()
    {
        var b = B((100, 0.1), (700, 0.2));
        var apart = Check(b);
        Assert.Equal(2, apart.Findings.Count(f => f.Code == FindingCode.NearMissEdge));
        var joined = Check(b, ValidationRules.Default with { NarrowPieceJoinMeters = 600 });
        var one = Assert.Single(joined.Findings);
        Assert.InRange(one.Measure!.Value, 0.19, 0.2);
    }

    [Fact]
    public void ANearMissTailOnASliverIsPartOfTheSliver()
    {
        // A strip 2 m wide from 200 to 300 m (tapering to 150 and 350 m) with a 0.1 m triangle beyond each end, on the other side.
        var report = Check(B((100, 0.1), (200, -2), (250, -2), (300, -2), (400, 0.1)));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(FindingCode.Sliver, finding.Code);
        Assert.InRange(finding.Measure!.Value, 1.99, 2.0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    public void EveryInjectedNearMissAndSliverGivesExactlyOneFinding(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var report = CoverageChecker.Check(city.Divisions);
        var toGk = CoordinateTransformer.Create(CrsCode.Cgcs2000, CrsCode.Parse("EPSG:4548"));
        var reader = new WKTReader();
        var narrow = report.Findings.Where(f => f.Code is FindingCode.NearMissEdge or FindingCode.Sliver).ToList();
        foreach (var defect in city.Truth.Defects.Where(d => d.Class is DefectClasses.NearMiss or DefectClasses.Sliver))
        {
            var at = reader.Read(defect.LocationWkt);
            var reach = (defect.LengthM ?? 0) / 2 + 100;
            var here = narrow.Where(f => defect.Codes.All(f.Divisions.Contains) && toGk.Transform(f.Location).Distance(at) <= reach).ToList();
            Assert.True(here.Count == 1, $"seed {seed}: {defect.Class} [{string.Join(",", defect.Codes)}] gives {here.Count} findings: {string.Join("; ", here.Select(f => f.Message))}");
            var expected = defect.Class == DefectClasses.NearMiss ? FindingCode.NearMissEdge : FindingCode.Sliver;
            Assert.Equal(expected, here[0].Code);
        }
    }

    private static string Edge(Func<int, double> dx, bool southToNorth)
    {
        var ys = Enumerable.Range(0, 21).Select(i => 50 * i).ToArray();
        return string.Join(", ", (southToNorth ? ys : ys.Reverse()).Select(y => FormattableString.Invariant($"{500000 + dx(y)} {4300000 + y}")));
    }

    private static string A() => $"POLYGON ((499000 4300000, {Edge(_ => 0, southToNorth: true)}, 499000 4301000, 499000 4300000))";

    private static string B(params (int Y, double Dx)[] moved) =>
        $"POLYGON ((500000 4300000, 501000 4300000, 501000 4301000, {Edge(y => moved.FirstOrDefault(m => m.Y == y).Dx, southToNorth: false)}))";

    private static ValidationReport Check(string b, ValidationRules? rules = null)
    {
        var reader = new WKTReader();
        var set = new DivisionSet(
            [new Division("A", "A", DivisionLevel.Township, null, reader.Read(A())), new Division("B", "B", DivisionLevel.Township, null, reader.Read(b))],
            CrsCode.Parse("EPSG:4548"));
        return CoverageChecker.Check(set, (rules ?? ValidationRules.Default) with { CodeScheme = CodeScheme.Any });
    }
}
