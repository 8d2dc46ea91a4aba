using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.IO;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

public sealed class EnclaveFinderCityTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void DirtySmallCity_EveryInjectedEnclaveFound_NothingElse(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed, Size = CitySize.Small, Dirty = EnclaveTruth.EnclavesOnly });
        var findings = EnclaveFinder.Find(city.Divisions, new EnclaveOptions { NeckWidthMeters = 50 });
        foreach (var f in findings)
        {
            log.WriteLine($"{f.Level} {f.Owner} {f.Class.Name()} order {f.Order} hosts [{string.Join(",", f.Hosts)}] {f.AreaSquareMeters:0} m² — {f.Evidence.Note}");
        }
        foreach (var d in city.Truth.Defects)
        {
            log.WriteLine($"truth {d.Class} [{string.Join(",", d.Codes)}] {d.Note}");
        }
        foreach (var m in city.Truth.Multipart)
        {
            log.WriteLine($"multipart {m.Code} {m.Kind} {m.PartCount}");
        }
        AssertMatches(city, findings, neck: true);
    }

    private static void AssertMatches(SyntheticCity city, System.Collections.Immutable.ImmutableArray<EnclaveFinding> findings, bool neck)
    {
        var expected = EnclaveTruth.Expected(city.Truth, neck);
        var actual = findings.Select(f => (f.Owner, f.Class, f.Order)).OrderBy(x => x.ToString()).ToList();
        Assert.Equal(expected.Select(e => (e.Owner, e.Class, e.Order)).OrderBy(x => x.ToString()).ToList(), actual);
        var toLonLat = CoordinateTransformer.Create(CrsCode.Parse("EPSG:4548"), CrsCode.Cgcs2000);
        foreach (var e in expected.Where(e => e.Wkt is not null))
        {
            var point = toLonLat.Transform(new WKTReader().Read(e.Wkt));
            Assert.Contains(findings, f => f.Owner == e.Owner && f.Class == e.Class && f.Geometry.Covers(point));
        }
    }
}
