using Boundaries.Geo.Model;

namespace Boundaries.Geo.Tests.Synthesis;

public sealed class CleanCityTests
{
    [Fact]
    public void SmallCityTilesExactly() => CityChecks.AssertExactTiling(CityChecks.Small);

    [Fact]
    public void EveryGeometryIsValid()
    {
        Assert.All(CityChecks.Small.Divisions.Divisions, d => Assert.True(d.Geometry.IsValid, d.Code));
    }

    [Fact]
    public void SmallCityHasAFewHundredVerticesPerTownship()
    {
        var counts = CityChecks.Level(CityChecks.Small, DivisionLevel.Township).Select(t => t.Geometry.NumPoints).ToList();
        Assert.InRange(counts.Min(), 150, 600);
        Assert.InRange(counts.Max(), 300, 1000);
        Assert.InRange(counts.Average(), 200, 600);
    }

    [Fact]
    public void CleanManifestListsNoDefects()
    {
        Assert.False(CityChecks.Small.Truth.Dirty);
        Assert.Empty(CityChecks.Small.Truth.Defects);
    }

    [Fact]
    public void ListedMultipartTownshipsReallyHaveThosePartsAndNoOthersDo()
    {
        var city = CityChecks.Small;
        Assert.NotEmpty(city.Truth.Multipart);
        foreach (var m in city.Truth.Multipart)
        {
            var g = CityChecks.Township(city, m.Code);
            Assert.Equal(m.PartCount, g.NumGeometries);
            var areas = Enumerable.Range(0, g.NumGeometries).Select(k => g.GetGeometryN(k).Area).OrderDescending().ToList();
            Assert.Equal(m.AreasM2.Length, areas.Count);
            for (var k = 0; k < areas.Count; k++)
            {
                Assert.Equal(m.AreasM2[k], areas[k], 0.01);
            }
        }
        var listed = city.Truth.Multipart.Select(m => m.Code).ToHashSet();
        Assert.All(CityChecks.Level(city, DivisionLevel.Township).Where(t => !listed.Contains(t.Code)),
            t => Assert.Equal(1, t.Geometry.NumGeometries));
    }

    [Fact]
    public void DetachedPieceAtDistrictEdgeTouchesAnotherDistrict()
    {
        var city = CityChecks.Small;
        var entry = city.Truth.Multipart.First(m => m.Kind == "detached_at_district_edge");
        var owner = city.Divisions.Divisions.Single(d => d.Code == entry.Code);
        var g = owner.Geometry;
        var piece = Enumerable.Range(0, g.NumGeometries).Select(k => g.GetGeometryN(k)).OrderBy(p => p.Area).First();
        var district = city.Divisions.Divisions.Single(d => d.Code == owner.ParentCode).Geometry;
        Assert.True(piece.Boundary.Intersection(district.Boundary).Length > 1, "piece shares a stretch of its district's edge");
    }
}
