using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Model;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.Geometries;
using Xunit;
using Xunit.Abstractions;

namespace Boundaries.Geo.Tests.Enclaves;

public sealed class ScoringLayersTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AccessAndManagementEnclaves_BuiltIn_AreFoundExactly(long seed)
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = seed });
        var layers = ScoringLayersGenerator.Generate(city, seed);
        Assert.Equal(ScoringLayersGenerator.AccessCount, layers.Truth.Access.Length);
        Assert.Equal(ScoringLayersGenerator.ManagementCount, layers.Truth.Management.Length);
        var factory = city.Divisions.Divisions[0].Geometry.Factory;
        var findings = EnclaveFinder.Find(city.Divisions, new EnclaveOptions
        {
            Level = DivisionLevel.Township,
            Roads = factory.BuildGeometry(layers.Roads),
            ManagementPoints = [.. layers.Addresses.Select(a => new ManagedPoint(a.Location, a.ManagerCode))],
        });
        log.WriteLine($"{findings.Length} findings; {layers.Roads.Length} roads; {layers.Addresses.Count(a => a.ManagerCode != a.LegalCode)} managed elsewhere; {city.Divisions.Crs}");
        foreach (var f in findings.Where(f => f.Class is EnclaveClass.PracticalAccess or EnclaveClass.Management))
        {
            log.WriteLine($"{f.Owner} {f.Class.Name()} [{string.Join(",", f.Hosts)}] {f.AreaSquareMeters:0} m² {f.Evidence.Note}");
        }
        var access = findings.Where(f => f.Class == EnclaveClass.PracticalAccess).ToList();
        Assert.Equal(layers.Truth.Access.Select(a => a.Owner).Order(), access.Select(f => f.Owner).Order());
        foreach (var truth in layers.Truth.Access)
        {
            var f = Assert.Single(access, f => f.Owner == truth.Owner);
            Assert.Contains(truth.Via, f.Hosts);
        }
        var managed = findings.Where(f => f.Class == EnclaveClass.Management).Select(f => (f.Owner, f.Evidence.ManagedBy)).Order().ToList();
        Assert.Equal(layers.Truth.Management.Select(m => (m.Legal, (string?)m.Manager)).Order().ToList(), managed);
    }

    [Fact]
    public void SameSeed_SameLayers()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 2 });
        var a = ScoringLayersGenerator.Generate(city, 2);
        var b = ScoringLayersGenerator.Generate(city, 2);
        Assert.Equal(a.Roads.Select(r => r.ToText()), b.Roads.Select(r => r.ToText()));
        Assert.Equal(a.Addresses.Select(p => $"{p.Location} {p.Households} {p.People} {p.LegalCode} {p.ManagerCode}"), b.Addresses.Select(p => $"{p.Location} {p.Households} {p.People} {p.LegalCode} {p.ManagerCode}"));
        Assert.True(a.Addresses.Length > 100);
        Assert.NotEmpty(a.Facilities);
        Assert.All(a.Addresses, p => Assert.True(city.Divisions.Divisions.Single(d => d.Code == p.LegalCode).Geometry.Covers(p.Location)));
    }
}

public sealed class ResolutionScoringTests
{
    [Fact]
    public void Transfers_CountThePeopleOfTheOwnersPart_AndFollowingShareIsAFraction()
    {
        var city = CityGenerator.Generate(new CityOptions { Seed = 3, Dirty = EnclaveTruth.EnclavesOnly });
        var layers = ScoringLayersGenerator.Generate(city, 3);
        var findings = EnclaveFinder.Find(city.Divisions);
        var options = EnclaveResolver.Options(city.Divisions, findings, new ScoringInputs
        {
            Addresses = [.. layers.Addresses.Select(a => (a.Location, a.People, a.Households))],
            Facilities = [.. layers.Facilities.Select(f => f.Location)],
            Lines = layers.Lines(city.Divisions.Divisions[0].Geometry.Factory),
        });
        var transfers = options.Where(o => o.Kind != ResolutionKind.Keep).ToList();
        Assert.NotEmpty(transfers);
        var withPeople = 0;
        foreach (var o in transfers)
        {
            var f = findings[o.Finding];
            var owner = city.Divisions.Divisions.Single(d => d.Level == f.Level && d.Code == f.Owner);
            var part = owner.Geometry.GetGeometryN(f.Evidence.PartIndex);
            // independent of the resolver: the generator's legal code, and the part in the city's own CRS
            var living = layers.Addresses.Where(a => part.Covers(a.Location)).ToList();
            Assert.Equal(living.Sum(a => a.People), o.Score.PeopleMoved);
            Assert.Equal(living.Sum(a => a.Households), o.Score.HouseholdsMoved);
            withPeople += o.Score.PeopleMoved > 0 ? 1 : 0;
            if (o.Score.NewBoundaryFollowingShare is { } share)
            {
                Assert.InRange(share, 0, 1);
                Assert.True(o.Score.NewBoundaryMeters > 0);
            }
        }
        Assert.True(withPeople > 0, "no transfer moves anyone");
    }
}
