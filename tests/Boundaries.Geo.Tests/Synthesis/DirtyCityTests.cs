using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Boundaries.Geo.Tests.Synthesis;

/// <summary>Each injected class is checked on the geometry itself, not on the generator's bookkeeping.</summary>
public sealed class DirtyCityTests
{
    private static SyntheticCity City => CityChecks.Dirty;

    private static InjectedDefect Defect(string cls) => City.Truth.Defects.Single(d => d.Class == cls);

    private static Geometry T(string code) => CityChecks.Township(City, code);

    private static Geometry D(string code) => City.Divisions.Divisions.Single(d => d.Code == code && d.Level == DivisionLevel.District).Geometry;

    private static string DistrictOf(string code) => City.Divisions.Divisions.First(d => d.Code == code).ParentCode!;

    [Fact]
    public void EveryClassIsInjectedOnce()
    {
        string[] all =
        [
            "gap", "overlap", "sliver", "near_miss", "self_intersection", "duplicate_code", "malformed_code", "outside_parent",
            "empty_name", "exclave", "enclave", "counter_enclave", "semi_enclave", "practical_enclave_neck", "management_enclave",
            "surrounded_division",
        ];
        Assert.Equal(all.Order(), City.Truth.Defects.Select(d => d.Class).Order());
        Assert.True(City.Truth.Dirty);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void OtherSeedsAlsoGetEveryClassAndKeepTheDistrictLevelExact(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = DirtyOptions.All });
        Assert.Equal(16, city.Truth.Defects.Select(d => d.Class).Distinct().Count());
        var districts = city.Divisions.OfLevel(DivisionLevel.District).Select(d => d.Geometry).ToArray();
        Assert.All(CoverageValidator.Validate(districts), e => Assert.Null(e));
    }

    [Fact]
    public void GapPointIsInTheDistrictButInNoTownship()
    {
        var gap = Defect("gap");
        var p = CityChecks.Point(gap.LocationWkt);
        Assert.True(D(DistrictOf(gap.Codes[0])).Contains(p));
        Assert.DoesNotContain(CityChecks.Level(City, DivisionLevel.Township), t => t.Geometry.Covers(p));
    }

    [Fact]
    public void OverlapIsAPositiveAreaSharedByTheTwoTownships()
    {
        var d = Defect("overlap");
        var shared = T(d.Codes[0]).Intersection(T(d.Codes[1]));
        Assert.True(shared.Area > 0.5 * d.AreaM2!.Value, $"overlap {shared.Area} m²");
        Assert.True(shared.Contains(CityChecks.Point(d.LocationWkt)));
    }

    [Fact]
    public void SliverIsAnOverlapNarrowerThanTwoMetres()
    {
        var d = Defect("sliver");
        var shared = T(d.Codes[0]).Intersection(T(d.Codes[1]));
        Assert.True(shared.Area > 1, $"sliver area {shared.Area}");
        Assert.True(shared.Buffer(-1.0).IsEmpty, "a strip under 2 m wide vanishes when shrunk by 1 m");
        Assert.True(shared.Distance(CityChecks.Point(d.LocationWkt)) < 0.01);
    }

    [Fact]
    public void NearMissEdgeIsDisplacedByDecimetresAndBreaksTheCoverage()
    {
        var d = Defect("near_miss");
        var p = CityChecks.Point(d.LocationWkt);
        var a = T(d.Codes[0]);
        var b = T(d.Codes[1]);
        var gapAtP = a.Boundary.Distance(p);
        Assert.InRange(gapAtP, 0.05, 0.5);
        Assert.True(b.Boundary.Distance(p) < 0.002, "the location lies on the untouched copy");
        var coverage = City.Divisions.OfLevel(DivisionLevel.Township).Where(t => t.ParentCode == DistrictOf(d.Codes[0])).ToList();
        var invalid = CoverageValidator.Validate([.. coverage.Select(t => t.Geometry)]);
        Assert.NotNull(invalid[coverage.FindIndex(t => t.Code == d.Codes[0])]);
    }

    [Fact]
    public void SelfIntersectionMakesTheGeometryInvalidAtTheLocation()
    {
        var d = Defect("self_intersection");
        var g = T(d.Codes[0]);
        var op = new IsValidOp(g);
        Assert.False(op.IsValid);
        Assert.True(op.ValidationError!.Coordinate.Distance(CityChecks.Point(d.LocationWkt).Coordinate) < 0.01);
    }

    [Fact]
    public void DuplicateCodeIsCarriedByTwoTownships()
    {
        var d = Defect("duplicate_code");
        Assert.Equal(2, City.Divisions.Divisions.Count(t => t.Code == d.Codes[0]));
        Assert.DoesNotContain(City.Divisions.Divisions, t => t.Code == d.Codes[1]);
    }

    [Fact]
    public void MalformedCodeDoesNotParse()
    {
        var d = Defect("malformed_code");
        Assert.Single(City.Divisions.Divisions, t => t.Code == d.Codes[0]);
        Assert.False(DivisionCode.TryParse(d.Codes[0], out _, out _));
    }

    [Fact]
    public void OutsideParentTownshipReachesOutsideItsDistrict()
    {
        var d = Defect("outside_parent");
        var a = T(d.Codes[0]);
        var district = D(d.Codes[1]);
        Assert.Equal(d.Codes[1], DistrictOf(d.Codes[0]));
        Assert.True(a.Difference(district).Area > 0.5 * d.AreaM2!.Value);
        var p = CityChecks.Point(d.LocationWkt);
        Assert.True(a.Contains(p) && !district.Covers(p));
    }

    [Fact]
    public void EmptyNameIsEmpty()
    {
        var d = Defect("empty_name");
        Assert.Equal("", City.Divisions.Divisions.Single(t => t.Code == d.Codes[0]).Name);
    }

    [Fact]
    public void EnclaveIsADetachedPartBorderedOnlyByItsHost()
    {
        var d = Defect("enclave");
        var piece = DetachedPiece(d.Codes[0], d.LocationWkt);
        Assert.True(T(d.Codes[1]).Boundary.Covers(piece.Boundary), "every bit of the piece's edge is the host's edge");
        Assert.Equal(d.AreaM2!.Value, piece.Area, 0.01);
    }

    [Fact]
    public void ExclaveIsADetachedPartBorderingTwoOrMoreOthers()
    {
        var d = Defect("exclave");
        var piece = DetachedPiece(d.Codes[0], d.LocationWkt);
        var neighbours = CityChecks.Level(City, DivisionLevel.Township)
            .Where(t => t.Code != d.Codes[0] && t.Geometry.IsValid && t.Geometry.Boundary.Intersection(piece.Boundary).Length > 1).ToList();
        Assert.True(neighbours.Count >= 2, $"{neighbours.Count} neighbours");
    }

    [Fact]
    public void CounterEnclaveIsAnEnclaveInsideAnEnclave()
    {
        var d = Defect("counter_enclave");
        var p = CityChecks.Point(d.LocationWkt);
        var inner = DetachedPiece(d.Codes[0], d.LocationWkt);
        var a = T(d.Codes[1]);
        var middle = Enumerable.Range(0, a.NumGeometries).Select(k => (Polygon)a.GetGeometryN(k))
            .Single(x => x.Shell.Envelope.Contains(p) && CityChecks.Factory().CreatePolygon(x.Shell).Contains(p));
        Assert.NotEqual(CityChecks.MainPart(a), middle);
        Assert.True(middle.Boundary.Covers(inner.Boundary), "the inner piece fills a hole of the middle piece");
        Assert.True(T(d.Codes[0]).Boundary.Covers(middle.Shell), "the middle piece sits in the outer township");
    }

    [Fact]
    public void SemiEnclaveTouchesTheCityEdge()
    {
        var d = Defect("semi_enclave");
        var piece = DetachedPiece(d.Codes[0], d.LocationWkt);
        var city = City.Divisions.OfLevel(DivisionLevel.Prefecture).Single().Geometry;
        Assert.True(piece.Boundary.Intersection(city.Boundary).Length > 1);
        Assert.True(piece.Boundary.Difference(city.Boundary).Difference(T(d.Codes[1]).Boundary).Length < 1e-6);
    }

    [Fact]
    public void PracticalEnclaveHangsOnANarrowNeck()
    {
        var d = Defect("practical_enclave_neck");
        var a = T(d.Codes[0]);
        var p = CityChecks.Point(d.LocationWkt).Coordinate;
        var l = d.LengthM!.Value;
        var box = CityChecks.Factory().ToGeometry(new Envelope(p.X - l / 4, p.X + l / 4, p.Y - 0.75 * l, p.Y + 0.75 * l));
        var neck = a.Intersection(box);
        Assert.InRange(neck.Area / (l / 2), 5, 50);
        Assert.True(a.Difference(box).NumGeometries >= 2, "cutting the neck separates the lobe");
        Assert.True(a.Difference(box).GetGeometryN(0).Area > 0);
    }

    [Fact]
    public void ManagementEnclaveCarriesTheManagerAttribute()
    {
        var d = Defect("management_enclave");
        var owner = City.Divisions.Divisions.Single(t => t.Code == d.Codes[0]);
        Assert.Equal(d.Codes[1], owner.Attributes["management"]);
        var piece = DetachedPiece(d.Codes[0], d.LocationWkt);
        Assert.True(T(d.Codes[1]).Boundary.Covers(piece.Boundary));
    }

    [Fact]
    public void SurroundedDivisionBordersOnlyOneOther()
    {
        var d = Defect("surrounded_division");
        var s = T(d.Codes[0]);
        var neighbours = CityChecks.Level(City, DivisionLevel.Township)
            .Where(t => t.Code != d.Codes[0] && t.Geometry.IsValid && t.Geometry.Boundary.Intersection(s.Boundary).Length > 0).Select(t => t.Code).ToList();
        Assert.Equal([d.Codes[1]], neighbours);
    }

    [Fact]
    public void CoverageBreaksOnlyWhereTheManifestSays()
    {
        var geometric = new HashSet<string> { "gap", "overlap", "sliver", "near_miss", "self_intersection", "outside_parent" };
        var named = City.Truth.Defects.Where(d => geometric.Contains(d.Class)).SelectMany(d => d.Codes).ToHashSet();
        foreach (var g in City.Divisions.OfLevel(DivisionLevel.Township).GroupBy(t => t.ParentCode))
        {
            var members = g.Where(t => t.Geometry.IsValid).ToList();
            var invalid = CoverageValidator.Validate([.. members.Select(t => t.Geometry)]);
            for (var k = 0; k < members.Count; k++)
            {
                Assert.True(invalid[k] is null || named.Contains(members[k].Code), $"{members[k].Code} is broken but not in the manifest");
            }
        }
    }

    private static Polygon DetachedPiece(string code, string wkt)
    {
        var g = T(code);
        var piece = CityChecks.PartAt(g, CityChecks.Point(wkt));
        Assert.True(g.NumGeometries >= 2);
        Assert.NotEqual(CityChecks.MainPart(g), piece);
        return piece;
    }
}
