using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Tests.Locate;

/// <summary>
/// <see cref="DivisionLocator.LocateDetailed"/> (the allocation-free form behind the HTTP fast path) gives the same
/// facts as the allocating <see cref="DivisionLocator.Locate(double, double, LocateQueryOptions?)"/>, which the NTS
/// and PostGIS oracle tests check.
/// </summary>
public sealed class LocateDetailedTests
{
    [Fact]
    public void EqualsTheDetailedAnswerOnRandomVertexAndEdgePointsWithDistances()
    {
        var divisions = LocatorFixtures.Tiling(17, cells: 30);
        var locator = DivisionLocator.Build(divisions);
        var onBoundary = 0;
        foreach (var p in LocatorFixtures.Points(divisions, seed: 9, random: 400))
        {
            foreach (var distance in new[] { false, true })
            {
                var expected = locator.Locate(p.X, p.Y, new LocateQueryOptions { IncludeDistance = distance });
                CheckSame(locator, expected, p.X, p.Y, null, distance);
                onBoundary += expected.OnBoundary ? 1 : 0;
            }
        }
        Assert.True(onBoundary >= 100, $"only {onBoundary} answers on a boundary");
    }

    [Fact]
    public void EqualsTheDetailedAnswerOnEveryDate()
    {
        var change = new DateOnly(2020, 7, 1);
        var divisions = new List<Division>
        {
            Township("120101001", "POLYGON((0 0,10 0,10 10,0 10,0 0))") with { ValidTo = change },
            Township("120101002", "POLYGON((10 0,20 0,20 10,10 10,10 0))") with { ValidTo = change },
            Township("120101001", "POLYGON((0 0,8 0,8 10,0 10,0 0))") with { ValidFrom = change },
            Township("120101002", "POLYGON((8 0,20 0,20 10,8 10,8 0))") with { ValidFrom = change },
        };
        var locator = DivisionLocator.Build(divisions);
        foreach (DateOnly? at in new DateOnly?[] { null, change.AddDays(-1), change, new DateOnly(1990, 1, 1) })
        {
            for (var x = -1.0; x <= 21; x += 0.5)
            {
                var (lon, lat) = (117 + x / 64, 39 + 5.0 / 64); // on the old and new lines at x = 8, 10, 20
                CheckSame(locator, locator.Locate(lon, lat, new LocateQueryOptions { At = at, IncludeDistance = true }), lon, lat, at, true);
            }
        }
    }

    [Fact]
    public void RefusesSpansThatAreTooShort()
    {
        var locator = DivisionLocator.Build(LocatorFixtures.Tiling(3));
        Assert.Throws<ArgumentException>(() => locator.LocateDetailed(0, 0, null, false, new LevelHit[locator.Levels.Length - 1], new int[1024]));
    }

    private static void CheckSame(DivisionLocator locator, LocateResult expected, double lon, double lat, DateOnly? at, bool distance)
    {
        var hits = new LevelHit[locator.Levels.Length];
        var candidates = new int[locator.Levels.Length * DivisionLocator.MaxCandidatesPerLevel];
        locator.LocateDetailed(lon, lat, at, distance, hits, candidates);
        for (var l = 0; l < hits.Length; l++)
        {
            var e = expected.Levels[l];
            var h = hits[l];
            Assert.Equal(e.DivisionIndex, h.Division);
            Assert.Equal(e.OnBoundary, h.OnBoundary);
            Assert.Equal(e.Candidates.Select(c => c.Code), candidates.Skip(h.CandidateStart).Take(h.CandidateCount).Select(i => locator.Divisions[i].Code));
            Assert.Equal(e.BoundaryDistanceMeters ?? double.NaN, h.DistanceMeters);
        }
    }

    private static Division Township(string code, string wkt)
    {
        var g = new NetTopologySuite.IO.WKTReader().Read(wkt);
        // 1 unit = 1/64° (exact in binary), placed near Tianjin so the Gauss-Krüger distances are defined.
        g.Apply(new NetTopologySuite.Geometries.Utilities.AffineTransformation(1.0 / 64, 0, 117, 0, 1.0 / 64, 39));
        g.GeometryChanged();
        return new Division(code, code, DivisionLevel.Township, null, g);
    }
}
