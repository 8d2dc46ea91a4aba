using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Synthesis;
using Xunit;

namespace Boundaries.Geo.Tests.Enclaves;

public sealed class EnclaveFinderCleanCityTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    public void CleanCity_GivesOnlyTheLegitimateMultiparts(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small });
        var findings = EnclaveFinder.Find(city.Divisions, new EnclaveOptions { NeckWidthMeters = 50 });
        Assert.NotEmpty(city.Truth.Multipart);
        Assert.Equal(
            EnclaveTruth.Expected(city.Truth, neck: true).Select(e => (e.Owner, e.Class, e.Order)).Order().ToList(),
            findings.Select(f => (f.Owner, f.Class, f.Order)).Order().ToList());
    }

    [Fact]
    public void FullDirtyCity_AllFound()
    {
        // Speed is measured in benchmarks/ (STYLE.md §9), not here.
        var city = CityGenerator.Generate(new CityOptions { Seed = 5, Size = CitySize.Full, Dirty = EnclaveTruth.EnclavesOnly });
        var findings = EnclaveFinder.Find(city.Divisions);
        Assert.Equal(
            EnclaveTruth.Expected(city.Truth, neck: false).Select(e => (e.Owner, e.Class, e.Order)).Order().ToList(),
            findings.Select(f => (f.Owner, f.Class, f.Order)).Order().ToList());
        var withNeck = EnclaveFinder.Find(city.Divisions, new EnclaveOptions { NeckWidthMeters = 50 });
        Assert.Equal(
            EnclaveTruth.Expected(city.Truth, neck: true).Select(e => (e.Owner, e.Class, e.Order)).Order().ToList(),
            withNeck.Select(f => (f.Owner, f.Class, f.Order)).Order().ToList());
    }
}
