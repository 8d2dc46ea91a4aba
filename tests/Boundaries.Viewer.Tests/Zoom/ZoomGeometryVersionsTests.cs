using Boundaries.Geo.Model;
using Boundaries.Viewer.Sources;
using Boundaries.Viewer.Zoom;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Zoom;

/// <summary>
/// Versions and the per-zoom geometry (NTS's coverage validator as the oracle): the latest state is one coverage after
/// simplification; in an earlier state only the edges next to divisions whose shape changed may differ (by under a
/// pixel); a division that was only renamed is drawn the same in both versions.
/// </summary>
public sealed class ZoomGeometryVersionsTests
{
    private static readonly DateOnly MergeDay = new(2024, 1, 1);

    [Theory]
    [InlineData(9)]
    [InlineData(12)]
    public async Task EveryStateOnTheSliderIsOneCoverageAndARenamedVersionKeepsItsShape(int zoom)
    {
        var (divisions, _) = TestSupport.LoadCity(TestSupport.SampleCity);
        var all = divisions.ToList();
        var townships = all.Where(d => d.Level == DivisionLevel.Township).ToList();
        // two neighbours merged on MergeDay (the old records end, the union starts), and a third one renamed
        var a = townships[0];
        var b = townships.First(t => t != a && t.Geometry.Touches(a.Geometry) && t.Geometry.Intersection(a.Geometry).Length > 0);
        // far from both, so none of its edges changes when they merge
        var c = townships.First(t => t.Geometry.Distance(a.Geometry) > 0.01 && t.Geometry.Distance(b.Geometry) > 0.01);
        var merged = NetTopologySuite.Operation.OverlayNG.CoverageUnion.Union(new GeometryCollection([a.Geometry, b.Geometry]));
        Assert.IsAssignableFrom<IPolygonal>(merged);
        Replace(all, a, a with { ValidTo = MergeDay });
        Replace(all, b, b with { ValidTo = MergeDay });
        all.Add(a with { Code = a.Code + "9", Name = "合并" + a.Name, Geometry = merged, ValidFrom = MergeDay, ValidTo = null });
        Replace(all, c, c with { ValidTo = MergeDay });
        all.Add(c with { Name = "新" + c.Name, ValidFrom = MergeDay, ValidTo = null });

        var snapshot = new BoundarySnapshot(all, 1, DateTimeOffset.UtcNow);
        var features = snapshot.Levels[DivisionLevel.Township];
        var drawn = await ZoomGeometry.For(snapshot).LevelAsync(DivisionLevel.Township, zoom);
        Assert.Equal(features.Length, drawn.Length);
        Assert.True(drawn.Sum(g => g.NumPoints) < features.Sum(f => f.Division.Geometry.NumPoints), "nothing was simplified");

        // the latest state is one coverage
        var latest = Enumerable.Range(0, features.Length).Where(i => InForce(features[i].Division, MergeDay)).ToList();
        Assert.Equal(townships.Count - 1, latest.Count);
        Assert.All(CoverageValidator.Validate(latest.Select(i => drawn[i]).ToArray()), e => Assert.Null(e));
        // the state before: the divisions that ended were simplified with that state, their neighbours with the latest one,
        // so an edge of a merged division may differ (within a pixel) from its neighbour's — there and nowhere else
        var before = Enumerable.Range(0, features.Length).Where(i => InForce(features[i].Division, MergeDay.AddDays(-1))).ToList();
        Assert.Equal(townships.Count, before.Count);
        var ended = a.Geometry.Union(b.Geometry);
        var invalid = CoverageValidator.Validate(before.Select(i => drawn[i]).ToArray());
        for (var k = 0; k < before.Count; k++)
        {
            var stored = features[before[k]].Division.Geometry;
            Assert.True(invalid[k] is null || stored.Distance(ended) < 1e-9, $"{features[before[k]].Id} does not fit its neighbours though it is not next to the merge");
        }
        var renamed = Enumerable.Range(0, features.Length).Where(i => features[i].Division.Code == c.Code).ToList();
        Assert.Equal(2, renamed.Count);
        Assert.True(drawn[renamed[0]].EqualsExact(drawn[renamed[1]]), "a renamed division is drawn differently before and after");
    }

    private static void Replace(List<Division> all, Division old, Division now) => all[all.IndexOf(old)] = now;

    private static bool InForce(Division d, DateOnly day) => (d.ValidFrom is not { } f || f <= day) && (d.ValidTo is not { } t || t > day);
}
