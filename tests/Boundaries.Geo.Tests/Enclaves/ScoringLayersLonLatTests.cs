using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

public sealed class ScoringLayersLonLatTests(ITestOutputHelper log)
{
    [Fact]
    public void InLonLat_AccessEnclavesAreTheSame()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 1 });
        var layers = ScoringLayersGenerator.Generate(city, 1).In(CrsCode.Cgcs2000);
        var t = CoordinateTransformer.Create(city.Divisions.Crs, CrsCode.Cgcs2000);
        var set = new DivisionSet([.. city.Divisions.Divisions.Select(d => d with { Geometry = t.Transform(d.Geometry) })], CrsCode.Cgcs2000);
        var findings = EnclaveFinder.Find(set, new EnclaveOptions { Level = DivisionLevel.Township, Roads = set.Divisions[0].Geometry.Factory.BuildGeometry(layers.Roads) });
        foreach (var f in findings.Where(f => f.Class == EnclaveClass.PracticalAccess))
        {
            log.WriteLine($"{f.Owner} {f.Evidence.Note}");
        }
        Assert.Equal(layers.Truth.Access.Select(a => a.Owner).Order(), findings.Where(f => f.Class == EnclaveClass.PracticalAccess).Select(f => f.Owner).Order());
    }
}
