using Boundaries.Geo.Clean;
using Boundaries.Geo.Model;
using Boundaries.Geo.Simplify;
using Boundaries.Geo.Synthesis;
using Boundaries.Geo.Tests.Clean;
using NetTopologySuite.Coverage;

namespace Boundaries.Geo.Tests.Simplify;

public sealed class CoverageSimplificationTests
{
    [Theory]
    [InlineData(5.0)]
    [InlineData(50.0)]
    public void KeepsSharedEdgesSharedAndDropsVertices(double tolerance)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 7, Size = CitySize.Small });
        var result = CoverageSimplification.Simplify(city.Divisions, new SimplifyOptions { ToleranceMeters = tolerance });
        Assert.True(result.VerticesAfter < result.VerticesBefore, $"{result.VerticesBefore} -> {result.VerticesAfter} vertices");
        Assert.Equal(result.Simplified.VertexCount(), result.VerticesAfter);
        foreach (var level in new[] { DivisionLevel.District, DivisionLevel.Township })
        {
            // NTS CoverageValidator over the whole level: every shared edge still has identical vertices on both sides.
            var geometries = result.Simplified.OfLevel(level).Select(d => d.Geometry).ToArray();
            Assert.All(CoverageValidator.Validate(geometries, 0), e => Assert.Null(e));
            Assert.All(geometries, g => Assert.True(g.IsValid));
        }
        // Each division stays within the tolerance of where it was (Hausdorff distance in metres).
        for (var i = 0; i < city.Divisions.Divisions.Length; i++)
        {
            var d = NetTopologySuite.Algorithm.Distance.DiscreteHausdorffDistance.Distance(
                city.Divisions.Divisions[i].Geometry, result.Simplified.Divisions[i].Geometry);
            Assert.True(d <= tolerance * 2, $"{city.Divisions.Divisions[i].Code} moved {d:0.##} m at tolerance {tolerance} m");
        }
        Assert.Equal(city.Divisions.Crs, result.MetricCrs);
    }

    [Fact]
    public void LargerToleranceDropsMoreVertices()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 3, Size = CitySize.Small });
        var small = CoverageSimplification.Simplify(city.Divisions, new SimplifyOptions { ToleranceMeters = 2 });
        var large = CoverageSimplification.Simplify(city.Divisions, new SimplifyOptions { ToleranceMeters = 20 });
        Assert.True(large.VerticesAfter < small.VerticesAfter);
    }

    [Fact]
    public void SimplifiedCleanedCityStillTilesItsParents()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 42, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var cleaned = CoverageCleaner.Clean(city.Divisions).Cleaned;
        var simplified = CoverageSimplification.Simplify(cleaned, new SimplifyOptions { ToleranceMeters = 3 }).Simplified;
        foreach (var level in new[] { DivisionLevel.District, DivisionLevel.Township })
        {
            Assert.All(CoverageValidator.Validate([.. simplified.OfLevel(level).Select(d => d.Geometry)], 0), e => Assert.Null(e));
        }
    }

    [Fact]
    public void RejectsNegativeTolerance()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 3, Size = CitySize.Small });
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageSimplification.Simplify(city.Divisions, new SimplifyOptions { ToleranceMeters = -1 }));
    }
}
