using Boundaries.Geo.Model;

namespace Boundaries.Geo.Tests.Synthesis;

public sealed class FullCityTests
{
    [Fact]
    public void FullCityTilesExactlyWithTianjinCountsAndValidGeometry()
    {
        var city = CityChecks.Full;
        var counts = city.Divisions.CountByLevel();
        Assert.Equal(1, counts[DivisionLevel.Prefecture]);
        Assert.Equal(16, counts[DivisionLevel.District]);
        Assert.InRange(counts[DivisionLevel.Township], 230, 270);
        Assert.All(city.Divisions.Divisions, d => Assert.True(d.Geometry.IsValid, d.Code));
        CityChecks.AssertExactTiling(city);
        var area = city.Divisions.OfLevel(DivisionLevel.Prefecture).Single().Geometry.Area / 1e6;
        Assert.InRange(area, 10_000, 14_000);
    }

    [Fact]
    public void FullCityHasOneToFiveThousandVerticesPerTownshipAndAboutAMillionInAll()
    {
        var city = CityChecks.Full;
        Assert.All(city.Divisions.OfLevel(DivisionLevel.Township), t => Assert.InRange(t.Geometry.NumPoints, 1000, 5000));
        Assert.InRange(city.Divisions.VertexCount(), 700_000, 1_500_000);
    }
}
