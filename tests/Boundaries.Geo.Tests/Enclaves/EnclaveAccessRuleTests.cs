using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.IO;
using Xunit;

namespace Boundaries.Geo.Tests.Enclaves;

/// <summary>
/// Practical enclaves by access need a road into the cut-off network: a network lying wholly inside the division and
/// joined to nothing (a gap in the road layer, or the generator's separate district networks seen from the city level)
/// is not an enclave. Hand-drawn in EPSG:4548, and on generated cities at every level against the layers' truth.
/// </summary>
public sealed class EnclaveAccessRuleTests
{
    private static readonly CrsCode Gk = CrsCode.Parse("EPSG:4548");
    private const double X = 500000, Y = 4300000;

    private static string Box(double x0, double y0, double x1, double y1) =>
        $"(({X + x0} {Y + y0}, {X + x1} {Y + y0}, {X + x1} {Y + y1}, {X + x0} {Y + y1}, {X + x0} {Y + y0}))";

    private static string Line(params (double X, double Y)[] points) => $"({string.Join(", ", points.Select(p => $"{X + p.X} {Y + p.Y}"))})";

    private static ImmutableArray<EnclaveFinding> Find(params string[] lines)
    {
        // A: 3000 × 1000 m, B to its north (0..3000 × 1000..2000); A's south and east edges are the coverage's outer edge
        var a = new Division("A", "A", DivisionLevel.Township, null, new WKTReader().Read($"POLYGON{Box(0, 0, 3000, 1000)}"));
        var b = new Division("B", "B", DivisionLevel.Township, null, new WKTReader().Read($"POLYGON{Box(0, 1000, 3000, 2000)}"));
        var roads = new WKTReader().Read($"MULTILINESTRING({string.Join(", ", lines)})");
        return EnclaveFinder.Find(new DivisionSet([a, b], Gk), EnclaveOptions.Default with { Roads = roads });
    }

    // A's own network: a 1200 m road with a cross street; B's own network
    private static readonly string[] Own =
    [
        Line((100, 500), (1300, 500)), Line((700, 200), (700, 800)),
        Line((100, 1500), (2900, 1500)),
    ];

    [Fact]
    public void NetworkReachedFromTheNeighbour_IsFound_WithThatHost()
    {
        // from B's road south across the border to (2400, 600), then a 300 m street inside A
        var findings = Find([.. Own, Line((2400, 1500), (2400, 600)), Line((2250, 600), (2550, 600))]);
        var f = Assert.Single(findings);
        Assert.Equal(("A", EnclaveClass.PracticalAccess), (f.Owner, f.Class));
        Assert.Equal("B", Assert.Single(f.Hosts));
        // the zone: 150 m around 400 m + 300 m of road inside A, clipped to A (the border at y = 1000 cuts the top cap)
        Assert.InRange(f.AreaSquareMeters, 150_000, 260_000);
        Assert.Contains("700 m of road in A", f.Evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void NetworkJoinedToNothing_IsNotAnEnclave()
    {
        // the same streets but the road stops 100 m short of the border: nothing enters them
        var findings = Find([.. Own, Line((2400, 900), (2400, 600)), Line((2250, 600), (2550, 600))]);
        Assert.Empty(findings);
    }

    [Fact]
    public void NetworkReachedAcrossTheOuterEdge_IsFound_WithNoHost()
    {
        // a road from beyond A's east edge (outside the coverage) to a street inside A
        var findings = Find([.. Own, Line((3300, 400), (2400, 400)), Line((2400, 200), (2400, 700))]);
        var f = Assert.Single(findings);
        Assert.Equal(("A", EnclaveClass.PracticalAccess), (f.Owner, f.Class));
        Assert.Empty(f.Hosts);
        Assert.Contains("reached from outside", f.Evidence.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void RoadWeavingAcrossTheBorder_EachStretchIsItsOwnNetwork()
    {
        // B's road dips into A twice (two 213 m stretches reached from B); between the dips it comes back into B for
        // 224 m, a stretch of B that can only be reached through A
        var findings = Find([.. Own, Line((1500, 1500), (1600, 900), (1700, 1100), (1800, 900), (1900, 1500))]);
        Assert.Equal([("A", "B"), ("A", "B"), ("B", "A")], findings.Select(f => (f.Owner, Assert.Single(f.Hosts))).Order().ToList());
        Assert.All(findings, f => Assert.Equal(EnclaveClass.PracticalAccess, f.Class));
    }

    [Theory]
    [InlineData(1, CitySize.Small)]
    [InlineData(2, CitySize.Small)]
    [InlineData(3, CitySize.Small)]
    [InlineData(1, CitySize.Full)]
    public void GeneratedCity_EveryLevel_AccessFindingsAreExactlyTheTruth(long seed, CitySize size)
    {
        // the generator links township networks only within a district: seen from the district and city levels those
        // networks are separate, but no road enters them from outside, so nothing is reported there (the full city
        // gave 20 city-level and 5 district-level findings before the rule)
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = size });
        var layers = ScoringLayersGenerator.Generate(city, seed);
        var factory = city.Divisions.Divisions[0].Geometry.Factory;
        var findings = EnclaveFinder.Find(city.Divisions, EnclaveOptions.Default with { Roads = factory.BuildGeometry([.. layers.Roads]) });
        var access = findings.Where(f => f.Class == EnclaveClass.PracticalAccess).ToList();
        Assert.All(access, f => Assert.Equal(DivisionLevel.Township, f.Level));
        Assert.Equal(layers.Truth.Access.Select(a => (a.Owner, a.Via)).Order().ToList(), access.Select(f => (f.Owner, Assert.Single(f.Hosts))).Order().ToList());
        foreach (var a in layers.Truth.Access)
        {
            // the loop's centre (the truth location) lies within 150 m of the cut-off road, so inside the zone
            Assert.Contains(access, f => f.Owner == a.Owner && f.Geometry.Covers(CoordinateTransformer.Create(city.Divisions.Crs, CrsCode.Cgcs2000).Transform(a.Location)));
        }
    }
}
