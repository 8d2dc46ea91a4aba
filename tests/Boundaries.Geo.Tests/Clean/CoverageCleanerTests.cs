using Boundaries.Geo.Clean;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Clean;

/// <summary>Small coverages written as WKT in EPSG:4548 metres: a district 100 m square with townships A and B.</summary>
public sealed class CoverageCleanerTests
{
    private const string District = "POLYGON ((500000 4330000, 500100 4330000, 500100 4330100, 500000 4330100, 500000 4330000))";
    private const string Left = "POLYGON ((500000 4330000, 500050 4330000, 500050 4330100, 500000 4330100, 500000 4330000))";
    private const string Right = "POLYGON ((500050 4330000, 500100 4330000, 500100 4330100, 500050 4330100, 500050 4330000))";
    // A pushed 10 m into B between y = 20 and y = 80: an overlap bordered by A for 60 m and by B for 80 m.
    private const string LeftPushed = "POLYGON ((500000 4330000, 500050 4330000, 500050 4330020, 500060 4330020, 500060 4330080, 500050 4330080, 500050 4330100, 500000 4330100, 500000 4330000))";

    // overlap

    [Theory]
    [InlineData(CleanStrategy.LongestBorder, "120101002")]
    [InlineData(CleanStrategy.MaxArea, "120101001")]
    [InlineData(CleanStrategy.MinArea, "120101002")]
    public void GivesOverlapByStrategy(CleanStrategy strategy, string owner)
    {
        var set = Set(LeftPushed, Right);
        var result = CoverageCleaner.Clean(set, new CleanOptions { Strategy = strategy });
        var change = Assert.Single(result.Log);
        Assert.Equal(CleanChangeKind.OverlapResolved, change.Kind);
        Assert.Equal(["120101001", "120101002"], change.Claimants.ToArray());
        Assert.Equal(owner, change.Owner);
        Assert.Equal(600, change.AreaSquareMeters, 6);
        Assert.Equal(10, change.WidthMeters, 1);
        CheckClean(set, result);
        var expectedLeft = owner == "120101002" ? Left : LeftPushed;
        Assert.True(result.Cleaned.Divisions[1].Geometry.EqualsTopologically(Read(expectedLeft)));
    }

    [Fact]
    public void GivesOverlapToFirstCodeOfPriorityList()
    {
        var set = Set(LeftPushed, Right);
        var result = CoverageCleaner.Clean(set, new CleanOptions { Strategy = CleanStrategy.Priority, Priority = ["120101001"] });
        Assert.Equal("120101001", Assert.Single(result.Log).Owner);
        CheckClean(set, result);
    }

    // gap

    [Fact]
    public void FillsGapWithLongestBorderNeighbour()
    {
        // A notched 10 m deep between y = 30 and 70: a gap bordered by A on three sides (60 m) and by B on one (40 m).
        var notched = "POLYGON ((500000 4330000, 500050 4330000, 500050 4330030, 500040 4330030, 500040 4330070, 500050 4330070, 500050 4330100, 500000 4330100, 500000 4330000))";
        var set = Set(notched, Right);
        var result = CoverageCleaner.Clean(set);
        var change = Assert.Single(result.Log);
        Assert.Equal(CleanChangeKind.GapFilled, change.Kind);
        Assert.Empty(change.Claimants);
        Assert.Equal("120101001", change.Owner);
        Assert.Equal(400, change.AreaSquareMeters, 6);
        CheckClean(set, result);
        Assert.True(result.Cleaned.Divisions[1].Geometry.EqualsTopologically(Read(Left)));
    }

    [Fact]
    public void FillsGapOpenToParentOutline()
    {
        // A stops 5 m short of the district's west edge: a gap open to the outside that only the parent outline reveals.
        var shrunk = "POLYGON ((500005 4330000, 500050 4330000, 500050 4330100, 500005 4330100, 500005 4330000))";
        var set = Set(shrunk, Right);
        var result = CoverageCleaner.Clean(set);
        var change = Assert.Single(result.Log);
        Assert.Equal(CleanChangeKind.GapFilled, change.Kind);
        Assert.Equal("120101001", change.Owner);
        CheckClean(set, result);
    }

    [Fact]
    public void WithoutParentFillsOnlyHolesNarrowerThanMaxGapWidth()
    {
        // A is a U open to the north, B caps it: a 20 m wide hole enclosed by the two, and no district in the set.
        var u = "POLYGON ((500000 4330000, 500100 4330000, 500100 4330100, 500060 4330100, 500060 4330020, 500040 4330020, 500040 4330100, 500000 4330100, 500000 4330000))";
        var cap = "POLYGON ((500000 4330100, 500040 4330100, 500060 4330100, 500100 4330100, 500100 4330120, 500000 4330120, 500000 4330100))";
        var set = new DivisionSet([Township("120101001", u), Township("120101002", cap)], CrsCode.GaussKruger(39, false));
        var narrow = CoverageCleaner.Clean(set, new CleanOptions { MaxGapWidthMeters = 10 });
        Assert.Empty(narrow.Log);
        Assert.Same(set.Divisions[0], narrow.Cleaned.Divisions[0]);
        Assert.Same(set.Divisions[1], narrow.Cleaned.Divisions[1]);
        var wide = CoverageCleaner.Clean(set, new CleanOptions { MaxGapWidthMeters = 50 });
        var change = Assert.Single(wide.Log);
        Assert.Equal(CleanChangeKind.GapFilled, change.Kind);
        Assert.Equal(1600, change.AreaSquareMeters, 6);
        Assert.Equal(0, wide.Cleaned.Divisions.Sum(d => d.Geometry.Area) - 12000, 6);
    }

    // thin pieces, outside parent, repair

    [Theory]
    [InlineData(0.3, CleanChangeKind.NearMissSnapped)]
    [InlineData(1.5, CleanChangeKind.SliverMerged)]
    public void ResolvesThinPiecesByWidth(double offset, CleanChangeKind kind)
    {
        var x = 500050 + offset;
        var right = $"POLYGON ((500050 4330000, 500100 4330000, 500100 4330100, 500050 4330100, 500050 4330070, {x} 4330060, {x} 4330040, 500050 4330030, 500050 4330000))";
        var set = Set(Left, right);
        var result = CoverageCleaner.Clean(set, new CleanOptions { Strategy = CleanStrategy.MinArea });
        var change = Assert.Single(result.Log);
        Assert.Equal(kind, change.Kind);
        Assert.Equal(offset, change.WidthMeters, 2);
        CheckClean(set, result);
    }

    [Fact]
    public void ClipsChildToParent()
    {
        var bulging = "POLYGON ((500000 4330000, 500050 4330000, 500050 4330100, 500000 4330100, 500000 4330060, 499990 4330060, 499990 4330040, 500000 4330040, 500000 4330000))";
        var set = Set(bulging, Right);
        var result = CoverageCleaner.Clean(set);
        var change = Assert.Single(result.Log);
        Assert.Equal(CleanChangeKind.OutsideParentRemoved, change.Kind);
        Assert.Null(change.Owner);
        Assert.Equal(200, change.AreaSquareMeters, 6);
        CheckClean(set, result);
        Assert.True(result.Cleaned.Divisions[1].Geometry.EqualsTopologically(Read(Left)));
    }

    [Fact]
    public void RepairsBowTieThenResolvesWhatItOverlaps()
    {
        var bowTie = "POLYGON ((500000 4330000, 500050 4330000, 500050 4330040, 500055 4330060, 500055 4330040, 500050 4330060, 500050 4330100, 500000 4330100, 500000 4330000))";
        var set = Set(bowTie, Right);
        var result = CoverageCleaner.Clean(set);
        Assert.Contains(result.Log, c => c.Kind == CleanChangeKind.Repaired && c.Owner == "120101001");
        CheckClean(set, result);
    }

    [Fact]
    public void KeepsEnclaveMultipartWhileCleaningNeighbour()
    {
        // B owns an enclave inside A (A has the hole); A also bulges out of the district.
        var aWithHole = "POLYGON ((500000 4330000, 500050 4330000, 500050 4330100, 500000 4330100, 500000 4330060, 499990 4330060, 499990 4330040, 500000 4330040, 500000 4330000), (500020 4330020, 500030 4330020, 500030 4330030, 500020 4330030, 500020 4330020))";
        var bWithEnclave = "MULTIPOLYGON (((500050 4330000, 500100 4330000, 500100 4330100, 500050 4330100, 500050 4330000)), ((500020 4330020, 500030 4330020, 500030 4330030, 500020 4330030, 500020 4330020)))";
        var set = Set(aWithHole, bWithEnclave);
        var result = CoverageCleaner.Clean(set);
        Assert.Equal(CleanChangeKind.OutsideParentRemoved, Assert.Single(result.Log).Kind);
        CheckClean(set, result);
        Assert.Equal(2, result.Cleaned.Divisions[2].Geometry.NumGeometries);
        Assert.Equal(1, result.Cleaned.Divisions[1].Geometry.NumGeometries);
        Assert.Equal(1, ((Polygon)result.Cleaned.Divisions[1].Geometry).NumInteriorRings);
    }

    // clean input and argument checks

    [Fact]
    public void ReturnsCleanCoverageUnchanged()
    {
        var set = Set(Left, Right);
        var result = CoverageCleaner.Clean(set);
        Assert.Empty(result.Log);
        Assert.Equal(0, result.CoveragesChanged);
        for (var i = 0; i < set.Divisions.Length; i++)
        {
            Assert.Same(set.Divisions[i], result.Cleaned.Divisions[i]);
        }
    }

    [Fact]
    public void RejectsBadOptionsAndGeometry()
    {
        var set = Set(Left, Right);
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageCleaner.Clean(set, new CleanOptions { SnapToleranceMeters = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageCleaner.Clean(set, new CleanOptions { GridMeters = 0 }));
        Assert.Throws<ArgumentException>(() => CoverageCleaner.Clean(set, new CleanOptions { Strategy = CleanStrategy.Priority }));
        var line = new DivisionSet([Township("120101001", "LINESTRING (500000 4330000, 500010 4330010)")], CrsCode.GaussKruger(39, false));
        Assert.Throws<ArgumentException>(() => CoverageCleaner.Clean(line));
        Assert.Throws<ArgumentNullException>(() => CoverageCleaner.Clean(null!));
    }

    private static void CheckClean(DivisionSet input, CleanResult result)
    {
        CleanAssertions.ValidatesClean(result.Cleaned);
        CleanAssertions.ChildrenAddUpToParent(result.Cleaned, toleranceM2: 1e-6);
        CleanAssertions.AreaChangesOnlyByLoggedPieces(input, result, toleranceM2: 1e-6);
    }

    private static DivisionSet Set(string a, string b) => new(
        [
            new Division("120101", "District", DivisionLevel.District, null, Read(District)),
            Township("120101001", a),
            Township("120101002", b),
        ], CrsCode.GaussKruger(39, false));

    private static Division Township(string code, string wkt) => new(code, code, DivisionLevel.Township, "120101", Read(wkt));

    private static Geometry Read(string wkt)
    {
        var g = new WKTReader().Read(wkt);
        g.SRID = 4548;
        return g;
    }
}
