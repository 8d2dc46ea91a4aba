using Boundaries.Geo.Clean;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Clean;

public sealed class DirtyCityCleanTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void CleansSmallDirtyCity(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = DirtyOptions.All });
        var before = CoverageOracle.Problems(city.Divisions);
        Assert.NotEmpty(before);
        var result = CoverageCleaner.Clean(city.Divisions);
        foreach (var c in result.Log)
        {
            output.WriteLine($"{c.Kind} {c.Reason}");
        }
        var after = CoverageOracle.Problems(result.Cleaned);
        Assert.True(after.Count == 0, string.Join("\n", after));
    }
}
